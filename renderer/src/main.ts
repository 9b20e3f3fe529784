import { createApp } from 'vue';
import { createPinia } from 'pinia';
import { useWasmKernels } from '../../engine';
import App from './App.vue';
import './styles/theme.css';
import './styles/shell.css';

// The engine's matrix products on its WebAssembly SIMD kernel (same numbers as the TypeScript loops, bit for
// bit, ~2.7× faster on large products); where WebAssembly cannot run, the TypeScript loops stay.
useWasmKernels(true);

createApp(App).use(createPinia()).mount('#app');
