import { addDays, type DateRange } from '../lib/dates';

/** The days of a range, both ends included. */
export function lengthInDays(range: DateRange): number {
  return Math.round((Date.parse(`${range.to}T00:00:00Z`) - Date.parse(`${range.from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** The period of the same length just before `range` (7 days before a week, the day before a day). */
export function previousRange(range: DateRange): DateRange {
  const days = lengthInDays(range);
  return { from: addDays(range.from, -days), to: addDays(range.from, -1) };
}

/** "vs previous 7 days", "vs previous day". */
export function comparedTo(range: DateRange): string {
  const days = lengthInDays(range);
  return days === 1 ? 'vs previous day' : `vs previous ${days} days`;
}

export type Trend = 'up' | 'down' | 'same' | 'none';

/**
 * How a figure moved from the previous period: "+12%", "−5%", "no change"; a figure that was zero or
 * unknown before has no percentage ("new"), nor one unknown now.
 */
export function changeBetween(current: number | null, previous: number | null): { text: string; trend: Trend } {
  if (current == null || previous == null) return { text: '—', trend: 'none' };
  if (previous === 0) return current === 0 ? { text: 'no change', trend: 'same' } : { text: 'new', trend: 'up' };
  const percent = Math.round(((current - previous) / previous) * 100);
  if (percent === 0) return { text: 'no change', trend: 'same' };
  return percent > 0 ? { text: `+${percent}%`, trend: 'up' } : { text: `−${Math.abs(percent)}%`, trend: 'down' };
}
