/**
 * Times as the restaurant lives them: in its time zone (the one analytics counts days and hours in), so a
 * manager abroad or a kitchen screen with a wrong clock zone still reads the restaurant's own times. The
 * restaurant has no language setting, so the words and order of a date are the browser's.
 */

function format(iso: string, options: Intl.DateTimeFormatOptions, timeZone: string | undefined, locale: string | undefined): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  try {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone }).format(date);
  } catch {
    // a time zone the browser does not know: the browser's own
    return new Intl.DateTimeFormat(locale, options).format(date);
  }
}

/** "19:41" (or "7:41 PM", as the locale writes it). */
export function formatTime(iso: string, timeZone?: string, locale?: string): string {
  return format(iso, { hour: '2-digit', minute: '2-digit' }, timeZone, locale);
}

/** "1 Dec 2026, 19:41". */
export function formatDateTime(iso: string, timeZone?: string, locale?: string): string {
  return format(iso, { dateStyle: 'medium', timeStyle: 'short' }, timeZone, locale);
}

/** The calendar date (YYYY-MM-DD) it is in `timeZone` at `nowMs`. */
export function localDate(nowMs: number, timeZone?: string): string {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).formatToParts(nowMs);
  } catch {
    parts = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(nowMs);
  }
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** A calendar date `days` later (or earlier). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export interface DateRange {
  from: string;
  to: string;
}

export type PresetName = 'today' | 'yesterday' | 'week' | 'last30';

export const PRESET_LABELS: Record<PresetName, string> = {
  today: 'Today',
  yesterday: 'Yesterday',
  week: 'This week',
  last30: 'Last 30 days',
};

/** Analytics' ranges, counted in the restaurant's calendar; a week starts on Monday (ISO 8601). */
export function presetRange(name: PresetName, nowMs: number, timeZone?: string): DateRange {
  const today = localDate(nowMs, timeZone);
  switch (name) {
    case 'today':
      return { from: today, to: today };
    case 'yesterday': {
      const yesterday = addDays(today, -1);
      return { from: yesterday, to: yesterday };
    }
    case 'week': {
      const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0 ... Sunday 6
      return { from: addDays(today, -weekday), to: today };
    }
    case 'last30':
      return { from: addDays(today, -29), to: today };
  }
}

/** Which preset a range is, if any (so its button shows as chosen). */
export function presetOf(range: DateRange, nowMs: number, timeZone?: string): PresetName | null {
  const names = Object.keys(PRESET_LABELS) as PresetName[];
  return names.find((n) => {
    const r = presetRange(n, nowMs, timeZone);
    return r.from === range.from && r.to === range.to;
  }) ?? null;
}
