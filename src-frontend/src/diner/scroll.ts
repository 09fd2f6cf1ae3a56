/** The scroll position that puts an element's top `gap` px under the sticky bar instead of beneath it. */
export function scrollTopFor(elementTop: number, scrollY: number, stickyBottom: number, gap = 8): number {
  return Math.max(0, Math.round(elementTop + scrollY - stickyBottom - gap));
}

/** Scrolls the page so `element` starts just under the diner's sticky bar (header and category chips). */
export function scrollUnderStickyBar(element: HTMLElement | null): void {
  if (!element) return;
  const bar = document.querySelector('[data-sticky-bar]');
  const bottom = bar ? bar.getBoundingClientRect().bottom : 0;
  const smooth = !window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  window.scrollTo({ top: scrollTopFor(element.getBoundingClientRect().top, window.scrollY, bottom), behavior: smooth ? 'smooth' : 'auto' });
}
