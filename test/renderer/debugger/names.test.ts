// Unlabelled nodes are shown by their stable names (#k, k = place in the topological order), not their ids.
import { beforeEach, describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { nextTick } from 'vue';
import { value } from '../../../engine/index';
import Inspector from '../../../renderer/src/debugger/Inspector.vue';
import CheckPanel from '../../../renderer/src/debugger/CheckPanel.vue';
import { nodeLabel } from '../../../renderer/src/graph/labels';
import { buildAppReport } from '../../../renderer/src/report/buildAppReport';
import { useTraceStore } from '../../../renderer/src/stores/trace';

/**
 * y = x·w + x with x = 2, w = −3 and no labels. By hand: the walk from y visits the product first, so
 * x is #1, w #2, the product #3 (= −6), y #4 (= −4); ∂y/∂x = w + 1 = −2, ∂y/∂w = x = 2, ∂y/∂#3 = 1.
 * Steps: forward 0–3 (x, w, #3, y), backward 4 (y), 5 (#3), 6 (w), 7 (x).
 */
function fanOut() {
  const x = value(2);
  const w = value(-3);
  const m = x.mul(w);
  const y = m.add(x);
  return { x, w, m, y };
}

describe('stable names in the debugger', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('the inspector names unlabelled nodes #k, the same for the same graph built again', async () => {
    const store = useTraceStore();
    const w = mount(Inspector);
    for (const round of [1, 2]) {
      const g = fanOut();
      store.load(g.y, `fan-out ${round}`);
      store.seek(2);
      await nextTick();
      expect(w.get('[data-testid=step-text]').text()).toBe('#3 = #1 · #2 = 2.0000 × (−3.0000) = −6.0000');
      expect(w.text()).toContain('node #3');
      expect(w.get('[data-testid=node-value]').text()).toBe('#3 = −6.0000');
      expect(w.get('[data-testid=node-grad]').text()).toContain('∂L/∂#3: not reached');
      store.seek(5);
      store.select(g.x.id);
      await nextTick();
      expect(w.findAll('[data-testid=contribution]').map((c) => c.find('.sr').text())).toEqual([
        '∂L/∂#1 += ∂L/∂#3 · ∂#3/∂#1 = 1.0000 × (−3.0000) = −3.0000',
        '∂L/∂#2 += ∂L/∂#3 · ∂#3/∂#2 = 1.0000 × 2.0000 = 2.0000',
      ]);
      expect(w.get('[data-testid=node-panel] h3').text()).toMatch(/^#1\s+data/);
      expect(w.get('[data-testid=node-grad]').text()).toMatch(/^∂L\/∂#1 = −2\.0000/);
      const rows = w
        .get('[data-testid=contrib-table]')
        .findAll('tbody tr')
        .map((r) => r.findAll('td').map((d) => d.text()));
      expect(rows).toEqual([
        ['#4 (step 5)', '1.0000', '1.0000'],
        ['#3 (step 6)', '−3.0000', '−2.0000'],
      ]);
    }
  });

  it('the check panel, the graph labels and the report name them #k too', async () => {
    const store = useTraceStore();
    store.load(fanOut().y, 'fan-out');
    const w = mount(CheckPanel);
    await w.get('[data-testid=check-all]').trigger('click');
    await new Promise((r) => setTimeout(r, 20));
    await nextTick();
    const names = w.findAll('[data-testid=check-row]').map((r) => r.findAll('td')[0]!.text());
    expect(names).toEqual(['#1', '#2', '#3', '#4']);
    expect(w.get('[data-testid=check-summary]').text()).toBe('4 / 4 nodes pass');

    const nodes = store.trace!.graph.nodes;
    expect(nodes.map((n) => nodeLabel(n, null))).toEqual(['#1', '#2', '×  #3', '+  #4']);

    const report = buildAppReport({
      lesson: null,
      record: null,
      loadedGraph: null,
      trace: store.trace,
      traceTitle: 'fan-out',
      checks: store.checks,
      date: '2026-01-01T00:00:00.000Z',
    });
    expect(report.graphs[0]!.check.rows.map((r) => r.label)).toEqual(['#1', '#2', '#3', '#4']);
  });
});
