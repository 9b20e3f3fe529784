/**
 * The floor for `npm run bench:ui`: what this browser on this machine needs for a step that does the least
 * any debugger view must do, timed the same way as the app's steps (bench/ui.ts).
 *
 * A plain page in the app's layout (1280×800): a toolbar with a range input and a step counter, an 850 px
 * wide graph pane holding `n` dots, and a side panel. A → key press moves the range, changes the counter and
 * four lines of text in the panel, and the next frame redraws the dots where the picture changed: the pane
 * is a grid of 128 px canvases (as the app's overlay, renderer/src/graph/dotOverlay.ts), and the tiles of
 * the previous and the new current dot are redrawn, each as two filled paths with the current dot on top.
 * No framework, no Cytoscape, no typesetting. Its step time is the browser's own cost of
 * the page's style, layout, paint and canvas commit on this machine (and, with no GPU, the compositor on the
 * other core); the app's step can only be slower by what it does beyond that.
 */
export function floorPage(n: number): string {
  return `<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; font: 14px system-ui, sans-serif; }
.bar { height: 75px; border-bottom: 1px solid #ccc; display: flex; align-items: center; gap: 8px; padding: 0 8px; }
.main { display: flex; height: 724px; }
.panel { width: 429px; padding: 8px; border-left: 1px solid #ccc; font-family: monospace; }
</style></head><body>
<div class="bar"><input id="range" type="range" min="0" max="4000" value="0" style="width: 220px" /><span id="count">0 / 4000</span></div>
<div class="main"><div id="pane" style="position: relative; width: 850px; height: 724px"></div>
<div class="panel"><h3 id="title">step 0</h3><p id="fwd"></p><p id="bwd"></p><p id="check"></p></div></div>
<script>
const N = ${n};
const T = 128;
const tiles = [];
for (let y = 0; y < 724; y += T)
  for (let x = 0; x < 850; x += T) {
    const c = document.createElement('canvas');
    c.width = Math.min(T, 850 - x);
    c.height = Math.min(T, 724 - y);
    c.style.cssText = 'position: absolute; left: ' + x + 'px; top: ' + y + 'px';
    document.getElementById('pane').appendChild(c);
    tiles.push({ x, y, w: c.width, h: c.height, ctx: c.getContext('2d') });
  }
// Dots spread over a band, as the simplified display shows a layered graph fitted to the view.
const pts = Array.from({ length: N }, (_, i) => [24 + ((i * 7919) % 800), 300 + ((i * 104729) % 120)]);
let k = 0;
const touches = (t, x, y, r) => x + r >= t.x && x - r <= t.x + t.w && y + r >= t.y && y - r <= t.y + t.h;
function drawTile(t) {
  const ctx = t.ctx;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, t.w, t.h);
  ctx.setTransform(1, 0, 0, 1, -t.x, -t.y);
  for (const [colour, parity] of [['#e8c24a', 0], ['#4a78e8', 1]]) {
    ctx.fillStyle = colour;
    ctx.beginPath();
    for (let i = parity; i < N; i += 2) {
      const [x, y] = pts[i];
      if (!touches(t, x, y, 4)) continue;
      ctx.moveTo(x + 2, y);
      ctx.arc(x, y, 2, 0, 2 * Math.PI);
    }
    ctx.fill();
  }
  const [x, y] = pts[k % N];
  if (!touches(t, x, y, 8)) return;
  ctx.fillStyle = '#f59e0b';
  ctx.beginPath();
  ctx.arc(x, y, 6, 0, 2 * Math.PI);
  ctx.fill();
}
let before = null;
function draw() {
  const [x, y] = pts[k % N];
  const now = tiles.filter((t) => touches(t, x, y, 8));
  for (const t of new Set([...(before ?? tiles), ...now])) drawTile(t);
  before = now;
}
const text = (id, s) => (document.getElementById(id).textContent = s);
let done = null;
window.addEventListener('keydown', () => {
  k++;
  document.getElementById('range').value = String(k);
  text('count', k + ' / 4000');
  text('title', 'step ' + k);
  text('fwd', '#' + k + ' = ' + Math.sin(k).toFixed(4) + ' × ' + Math.cos(k).toFixed(4));
  text('bwd', '∂L/∂#' + k + ' = ' + Math.tan(k).toFixed(4));
  text('check', 'check: pass, step ' + k);
  requestAnimationFrame(() => {
    draw();
    // As in the app: a message posted from the draw runs after the rest of the frame.
    const ch = new MessageChannel();
    ch.port1.onmessage = () => done(performance.now());
    ch.port2.postMessage(0);
  });
});
window.floorStep = async () => {
  await new Promise((r) => setTimeout(r, 0));
  const shown = new Promise((r) => (done = r));
  const t0 = performance.now();
  window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
  await Promise.resolve();
  const t1 = performance.now();
  const start = new Promise((r) => requestAnimationFrame(r));
  const end = await shown;
  const f = Math.max(await start, t1);
  return { applyMs: t1 - t0, waitMs: f - t1, frameMs: end - f, moved: false };
};
draw();
</script></body></html>`;
}
