/** The peer library, tfjs, on its cpu and wasm backends, set up in this process for side-by-side runs. */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import path from 'node:path';
import { createRequire } from 'node:module';

export type Backend = 'cpu' | 'wasm';

let wasmReady = false;

/** Switch tfjs to a backend; wasm loads its binaries from the installed package, never from the network. */
export async function useBackend(name: Backend): Promise<void> {
  if (name === 'wasm' && !wasmReady) {
    const require = createRequire(import.meta.url);
    const dir = path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json'));
    setWasmPaths(path.join(dir, 'dist') + path.sep);
    wasmReady = true;
  }
  const ok = await tf.setBackend(name);
  if (!ok) throw new Error(`bench: tfjs backend '${name}' failed to initialise`);
  await tf.ready();
}
