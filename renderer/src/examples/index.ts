/** The graphs the debugger offers before any lesson exists, and how one is handed to the trace store. */
import type { GraphNode } from '../../../engine';
import { microgradSanity } from './micrograd';
import { neuron } from './neuron';
import { tensorMlp } from './mlp';
import { scalarMlp } from './generated';

export interface Example {
  id: string;
  title: string;
  build(): GraphNode;
}

export const EXAMPLES: readonly Example[] = [
  { id: 'micrograd', title: 'micrograd sanity check (y = −20, ∂y/∂x = 46)', build: microgradSanity },
  { id: 'neuron', title: 'one neuron: tanh(w1·x1 + w2·x2 + b)', build: neuron },
  { id: 'mlp', title: '2-layer MLP, softmax cross-entropy (tensors)', build: tensorMlp },
  { id: 'mlp-500', title: 'large: scalar MLP, about 500 nodes', build: () => scalarMlp(500) },
];

export interface GraphLoader {
  load(root: GraphNode, title: string): void;
}

export function loadExample(store: GraphLoader, id: string): void {
  const ex = EXAMPLES.find((e) => e.id === id);
  if (!ex) throw new Error(`example "${id}" does not exist; known: ${EXAMPLES.map((e) => e.id).join(', ')}`);
  store.load(ex.build(), ex.title);
}
