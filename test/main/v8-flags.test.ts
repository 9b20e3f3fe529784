import { describe, expect, it } from 'vitest';
import { applyJsFlags } from '../../main/v8-flags';

function commandLine(given: Record<string, string> = {}) {
  const switches = new Map(Object.entries(given));
  return {
    switches,
    appendSwitch: (name: string, value = '') => void switches.set(name, value),
    getSwitchValue: (name: string) => switches.get(name) ?? '',
  };
}

describe('renderer V8 flags', () => {
  it('sets a 32 MB semi-space', () => {
    const cl = commandLine();
    applyJsFlags(cl);
    expect(cl.switches.get('js-flags')).toBe('--max-semi-space-size=32');
  });

  it('keeps js-flags given on the command line', () => {
    const cl = commandLine({ 'js-flags': '--expose-gc' });
    applyJsFlags(cl);
    expect(cl.switches.get('js-flags')).toBe('--expose-gc --max-semi-space-size=32');
  });
});
