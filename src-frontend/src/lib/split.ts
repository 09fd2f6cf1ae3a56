import type { Bill } from '../api/types';

/**
 * Splits `totalCents` into `parts` shares that add up to the total exactly: the leftover cents go one
 * each to the first shares (the way the orders service splits a bill).
 */
export function equalSplitCents(totalCents: number, parts: number): number[] {
  if (!Number.isInteger(parts) || parts < 1) throw new RangeError('parts must be a whole number of at least 1');
  const base = Math.floor(totalCents / parts);
  const leftover = totalCents - base * parts;
  return Array.from({ length: parts }, (_, i) => base + (i < leftover ? 1 : 0));
}

/** Tip in cents for a percentage of the subtotal, rounded half up. */
export function tipCents(subtotalCents: number, percent: number): number {
  return Math.round((subtotalCents * percent) / 100);
}

/**
 * The bill as it will look for a new tip or split, worked out from the last answer while the orders
 * service computes the real one (same cent rules), so the numbers move at once when a diner changes them.
 * A split by items needs the server (it knows who ordered what): that keeps the last answer's parts.
 */
export function previewBill(last: Bill, ask: { split: 'none' | 'equal' | 'items'; parts?: number; tipPercent?: number }): Bill {
  const subtotal = Math.round(last.subtotal * 100);
  const tip = tipCents(subtotal, ask.tipPercent ?? 0);
  const total = subtotal + tip;
  let parts = last.split.parts;
  if (ask.split === 'none') parts = [];
  if (ask.split === 'equal') {
    const n = ask.parts ?? 1;
    const subs = equalSplitCents(subtotal, n);
    const tips = equalSplitCents(tip, n);
    parts = subs.map((s, i) => ({ part: i + 1, diner_id: null, name: null, subtotal: s / 100, tip: tips[i]! / 100, amount: (s + tips[i]!) / 100 }));
  }
  return { ...last, tip: tip / 100, total: total / 100, split: { mode: ask.split, parts } };
}
