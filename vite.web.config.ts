// Web mode: the same renderer built for a plain browser (no preload; platform.ts falls back).
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

const here = import.meta.dirname;

export default defineConfig({
  root: resolve(here, 'renderer'),
  base: './',
  plugins: [vue()],
  build: {
    outDir: resolve(here, 'dist-web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4096,
  },
});
