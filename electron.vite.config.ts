// Desktop build: Electron main process, sandboxed preload, and the Vue renderer (root `renderer/`).
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import vue from '@vitejs/plugin-vue';

const here = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      lib: { entry: resolve(here, 'main/index.ts'), formats: ['es'] },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can require only 'electron': bundle everything else into it.
      externalizeDeps: false,
      // A sandboxed preload cannot be an ES module: Electron runs it as a classic script.
      lib: { entry: resolve(here, 'main/preload.ts'), formats: ['cjs'], fileName: () => 'preload.cjs' },
    },
  },
  renderer: {
    root: resolve(here, 'renderer'),
    plugins: [vue()],
    build: {
      outDir: resolve(here, 'out/renderer'),
      rolldownOptions: { input: resolve(here, 'renderer/index.html') },
    },
  },
});
