import { describe, expect, it } from 'vitest';
import { followCentre } from '../../../renderer/src/graph/follow';

describe('followCentre: where the view goes when the current step nears its edge', () => {
  it('centres on the current node when nothing follows', () => {
    expect(followCentre({ x: 40, y: -7 }, [], { w: 500, h: 300 })).toEqual({ x: 40, y: -7 });
  });

  it('takes in the next steps while their box fits, and centres on that box', () => {
    // 0..300 fits in 350; 900 would make the box 900 wide, so it and everything after it stay out.
    const next = [
      { x: 100, y: 0 },
      { x: 200, y: 20 },
      { x: 300, y: 0 },
      { x: 900, y: 0 },
      { x: 150, y: 0 },
    ];
    expect(followCentre({ x: 0, y: 0 }, next, { w: 350, h: 100 })).toEqual({ x: 150, y: 10 });
  });

  it('stops at the first step that does not fit, even if a later one would', () => {
    const next = [
      { x: 0, y: 120 },
      { x: 10, y: 0 },
    ];
    expect(followCentre({ x: 0, y: 0 }, next, { w: 100, h: 100 })).toEqual({ x: 0, y: 0 });
  });

  it('looks behind as well as ahead: the points are taken in the order given', () => {
    const behind = [
      { x: -200, y: 0 },
      { x: -400, y: -50 },
    ];
    expect(followCentre({ x: 0, y: 0 }, behind, { w: 450, h: 60 })).toEqual({ x: -200, y: -25 });
  });
});
