import { describe, expect, it } from 'vitest';
import { addDays, formatDateTime, formatTime, localDate, presetOf, presetRange } from './dates';

// Wednesday 2 December 2026, 23:30 UTC: already Thursday in Rome, still Wednesday in New York
const NOW = Date.parse('2026-12-02T23:30:00Z');

describe("times in the restaurant's time zone", () => {
  it("writes an instant as the restaurant's clock shows it, not the browser's", () => {
    expect(formatTime('2026-12-02T18:41:00Z', 'Europe/Rome', 'en-GB')).toBe('19:41');
    expect(formatTime('2026-12-02T18:41:00Z', 'Europe/London', 'en-GB')).toBe('18:41');
    expect(formatDateTime('2026-12-02T23:30:00Z', 'Europe/Rome', 'en-GB')).toBe('3 Dec 2026, 00:30');
    expect(formatDateTime('2026-12-02T23:30:00Z', 'America/New_York', 'en-US')).toBe('Dec 2, 2026, 6:30 PM');
  });

  it('falls back to the browser zone for a zone it does not know, and to nothing for a bad instant', () => {
    expect(formatTime('2026-12-02T18:41:00Z', 'Mars/Olympus', 'en-GB')).toMatch(/^\d\d:\d\d$/);
    expect(formatTime('not a time', 'Europe/Rome')).toBe('');
  });

  it("knows the restaurant's calendar date", () => {
    expect(localDate(NOW, 'Europe/Rome')).toBe('2026-12-03');
    expect(localDate(NOW, 'America/New_York')).toBe('2026-12-02');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});

describe("analytics' date presets", () => {
  it('counts today, yesterday, this week (from Monday) and the last 30 days in the restaurant zone', () => {
    expect(presetRange('today', NOW, 'Europe/Rome')).toEqual({ from: '2026-12-03', to: '2026-12-03' });
    expect(presetRange('yesterday', NOW, 'Europe/Rome')).toEqual({ from: '2026-12-02', to: '2026-12-02' });
    expect(presetRange('week', NOW, 'Europe/Rome')).toEqual({ from: '2026-11-30', to: '2026-12-03' });
    expect(presetRange('week', NOW, 'America/New_York')).toEqual({ from: '2026-11-30', to: '2026-12-02' });
    expect(presetRange('last30', NOW, 'Europe/Rome')).toEqual({ from: '2026-11-04', to: '2026-12-03' });
    // on a Monday the week is that day alone; on a Sunday it goes back six days
    expect(presetRange('week', Date.parse('2026-11-30T12:00:00Z'), 'UTC')).toEqual({ from: '2026-11-30', to: '2026-11-30' });
    expect(presetRange('week', Date.parse('2026-12-06T12:00:00Z'), 'UTC')).toEqual({ from: '2026-11-30', to: '2026-12-06' });
  });

  it('recognises a preset range, and none for a range typed by hand', () => {
    expect(presetOf({ from: '2026-11-04', to: '2026-12-03' }, NOW, 'Europe/Rome')).toBe('last30');
    expect(presetOf({ from: '2026-12-02', to: '2026-12-02' }, NOW, 'Europe/Rome')).toBe('yesterday');
    expect(presetOf({ from: '2026-11-01', to: '2026-12-03' }, NOW, 'Europe/Rome')).toBeNull();
  });
});
