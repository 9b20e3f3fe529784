/** leaf: an input, parameter or constant. It computes nothing and passes no gradient on. */
import type { OpDef } from './opdef';

export const leafOp: OpDef = {
  name: 'leaf',
  symbol: '',
  describe: (a) => ({
    text: `${a.outLabel} = ${a.outValue}`,
    latex: `${a.outLabel} = ${a.outValue}`.replace(/−/g, '-'),
  }),
};
