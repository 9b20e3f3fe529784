/**
 * Comparisons the compare view offers on its own: the lessons' MLP and convolution graphs (the same
 * builders the lessons use), and a bigger MLP whose lowering passes 5,000 scalar nodes (so it opens
 * collapsed). Lessons and the sandbox open their own graphs through the store's `open`.
 */
import { crossEntropy, rng, tensor, type GraphNode, type Tensor } from '../../../engine';
import { lessonModules } from '../../../lessons';

export interface ComparePreset {
  id: string;
  title: string;
  build(): GraphNode;
}

function lessonGraph(lesson: string, graph: string): (() => GraphNode) | null {
  const g = lessonModules[lesson]?.graphs[graph];
  return g ? () => g.build() : null;
}

function randomMatrix(seed: number, shape: [number, number], label: string): Tensor {
  const r = rng(seed);
  const n = shape[0] * shape[1];
  const d = Array.from({ length: n }, () => r.uniform(-1, 1) / Math.sqrt(shape[1]));
  return tensor(d, { shape, label, kind: 'parameter' });
}

/** 16 samples, 8 features, 32 hidden units, 4 classes: about 9,000 scalar nodes once lowered. */
function largeMlp(): GraphNode {
  const r = rng(11);
  const X = tensor(
    Array.from({ length: 16 * 8 }, () => r.uniform(-1, 1)),
    { shape: [16, 8], label: 'X' },
  );
  const W1 = randomMatrix(1, [32, 8], 'W⁽¹⁾');
  const W2 = randomMatrix(2, [4, 32], 'W⁽²⁾');
  const b1 = tensor(new Array<number>(32).fill(0.1), { label: 'b⁽¹⁾', kind: 'parameter' });
  const b2 = tensor(new Array<number>(4).fill(0), { label: 'b⁽²⁾', kind: 'parameter' });
  const a = X.matmul(W1.transpose()).add(b1).sigmoid();
  a.label = 'a⁽¹⁾';
  const z = a.matmul(W2.transpose()).add(b2);
  z.label = 'z⁽²⁾';
  const y = Array.from({ length: 16 }, (_, i) => i % 4);
  const L = crossEntropy(z, y);
  L.label = 'L';
  return L;
}

export const PRESETS: readonly ComparePreset[] = [
  { id: 'mlp', title: 'MLP (lesson 7)', build: lessonGraph('07-mlp', 'mlp-tensor') },
  { id: 'conv', title: 'Convolution (lesson 9)', build: lessonGraph('09-convolution', 'conv') },
  { id: 'mlp-large', title: 'MLP 8→32→4 on 16 samples (large)', build: largeMlp },
].filter((p): p is ComparePreset => p.build !== null);
