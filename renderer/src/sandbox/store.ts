/**
 * The sandbox's program text, kept in a store so that it outlives the view: a student who loads a program
 * in the debugger or the comparison finds it again on coming back. Session files save and restore it.
 */
import { defineStore } from 'pinia';
import { ref } from 'vue';

export const EXAMPLES: { name: string; src: string }[] = [
  { name: 'A tanh neuron', src: 'x = 2; w = -3; b = 6.88\ny = tanh(x*w + b)' },
  { name: 'A node used twice', src: 'a = -2; b = 3\nd = a*b\ne = a + b\nf = d*e' },
  {
    name: 'Chain rule (lesson 2)',
    src: 'x = 3; w3 = 0.5; w2 = 0.4; w1 = 2; y = 1\nz2 = w3*x\nz1 = tanh(w2*z2)\nF = (w1*z1 - y)^2',
  },
  {
    name: 'Sigmoid vs ReLU',
    src: 'x = 0.5\ns = sigmoid(sigmoid(sigmoid(x)))\nr = relu(relu(relu(x)))\nout = s + r',
  },
  {
    name: 'A tensor layer (compare with scalars)',
    src: 'x = [1, -2]\nW = [[0.5, -1], [2, 0.25]]\nb = [0.1, 0.2]\ny = sum(tanh(W @ x + b))',
  },
  {
    name: 'Softmax cross-entropy (tensors)',
    src: 'z = [2, 1, 0.1]\ny = [1, 0, 0]  # one-hot: class 0\nL = -sum(y * logSoftmax(z))',
  },
  {
    name: 'log-sum-exp of two logits',
    src: 'a = 2; b = 1\nc = a  # the larger one\nlse = c + log(exp(a - c) + exp(b - c))',
  },
];

export const useSandboxStore = defineStore('sandbox', () => {
  const source = ref(EXAMPLES[0]!.src);
  return { source };
});
