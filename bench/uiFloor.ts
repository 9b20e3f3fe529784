/**
 * The floor for `npm run bench:ui`: what this browser on this machine needs for a step that does the least
 * any debugger view must do, timed the same way as the app's steps (bench/ui.ts).
 *
 * A plain page in the app's layout (1280×800): a toolbar with a range input and a step counter, an 850 px
 * canvas holding `n` dots, and a side panel. A → key press moves the range, changes the counter and four
 * lines of text in the panel, and the next frame redraws the canvas: the dots as two filled paths, the
 * current one on top. No framework, no Cytoscape, no typesetting. Its step time is the browser's own cost of
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
<div class="main"><canvas id="dots" width="850" height="724"></canvas>
<div class="panel"><h3 id="title">step 0</h3><p id="fwd"></p><p id="bwd"></p><p id="check"></p></div></div>
<script>
const N = ${n};
const ctx = document.getElementById('dots').getContext('2d');
// Dots spread over a band, as the simplified display shows a layered graph fitted to the view.
const pts = Array.from({ length: N }, (_, i) => [24 + ((i * 7919) % 800), 300 + ((i * 104729) % 120)]);
let k = 0;
function draw() {
  ctx.clearRect(0, 0, 850, 724);
  for (const [colour, parity] of [['#e8c24a', 0], ['#4a78e8', 1]]) {
    ctx.fillStyle = colour;
    ctx.beginPath();
    for (let i = parity; i < N; i += 2) {
      const [x, y] = pts[i];
      ctx.moveTo(x + 2, y);
      ctx.arc(x, y, 2, 0, 2 * Math.PI);
    }
    ctx.fill();
  }
  const [x, y] = pts[k % N];
  ctx.fillStyle = '#f59e0b';
  ctx.beginPath();
  ctx.arc(x, y, 6, 0, 2 * Math.PI);
  ctx.fill();
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
