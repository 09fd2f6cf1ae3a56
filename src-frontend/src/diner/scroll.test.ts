import { describe, expect, it } from 'vitest';
import { scrollTopFor } from './scroll';

describe('scrolling to a category', () => {
  it('stops with the heading just under the sticky bar, not beneath it', () => {
    // heading 900 px down the viewport, page scrolled 300 px, sticky bar 112 px tall
    expect(scrollTopFor(900, 300, 112)).toBe(900 + 300 - 112 - 8);
  });

  it('never scrolls above the top of the page', () => {
    expect(scrollTopFor(50, 0, 112)).toBe(0);
  });
});
