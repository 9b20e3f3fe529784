/** Paints p(y = 1 | x) over [−1, 1]² and the data points onto a canvas (TensorFlow Playground colours). */
import type { Dataset } from '../../../lessons/training/dataset';

const ORANGE: [number, number, number] = [245, 147, 34];
const BLUE: [number, number, number] = [8, 119, 189];

/** Colour for a probability: orange for class 0, blue for class 1, white at 0.5. */
export function colourOf(p: number): [number, number, number] {
  const t = Math.min(1, Math.abs(p - 0.5) * 2);
  const c = p >= 0.5 ? BLUE : ORANGE;
  return [0, 1, 2].map((k) => Math.round(255 + (c[k] - 255) * t * 0.75)) as [number, number, number];
}

export function drawBoundary(
  ctx: CanvasRenderingContext2D,
  grid: Float64Array,
  res: number,
  data: Dataset,
): void {
  const { width, height } = ctx.canvas;
  const img = ctx.createImageData(res, res);
  for (let i = 0; i < grid.length; i++) {
    const [r, g, b] = colourOf(grid[i]);
    img.data.set([r, g, b, 255], i * 4);
  }
  // Draw the res×res image scaled up through a temporary canvas (putImageData ignores transforms).
  const tmp = document.createElement('canvas');
  tmp.width = res;
  tmp.height = res;
  tmp.getContext('2d')?.putImageData(img, 0, 0);
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(tmp, 0, 0, width, height);
  data.x.forEach(([u, v], i) => {
    const px = ((u + 1) / 2) * width;
    const py = ((1 - v) / 2) * height;
    ctx.beginPath();
    ctx.arc(px, py, 3.5, 0, 2 * Math.PI);
    ctx.fillStyle = `rgb(${(data.y[i] === 1 ? BLUE : ORANGE).join(',')})`;
    ctx.fill();
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = 1;
    ctx.stroke();
  });
}
