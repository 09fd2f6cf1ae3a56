import { describe, expect, it } from 'vitest';
import { ageLevel, ageText, thresholdsOf } from './ticketAge';

const placed = '2026-11-25T10:00:00Z';
const at = (minutes: number, seconds = 0) => Date.parse(placed) + minutes * 60_000 + seconds * 1000;

describe('ticket age', () => {
  it('is fresh under 5 minutes, amber from 5, red from 8', () => {
    expect(ageLevel(placed, at(0))).toBe('fresh');
    expect(ageLevel(placed, at(4, 59))).toBe('fresh');
    expect(ageLevel(placed, at(5))).toBe('warning');
    expect(ageLevel(placed, at(7, 59))).toBe('warning');
    expect(ageLevel(placed, at(8))).toBe('late');
    expect(ageLevel(placed, at(45))).toBe('late');
  });

  it('follows other thresholds when a kitchen sets them', () => {
    expect(ageLevel(placed, at(3), { warningMinutes: 2, lateMinutes: 4 })).toBe('warning');
    expect(ageLevel(placed, at(4), { warningMinutes: 2, lateMinutes: 4 })).toBe('late');
  });

  it('shows minutes and seconds, never negative when the clocks disagree', () => {
    expect(ageText(placed, at(7, 5))).toBe('7:05');
    expect(ageText(placed, at(0, -3))).toBe('0:00');
  });
});

describe("the screen's thresholds", () => {
  const settings = { kitchen_warning_minutes: 10, kitchen_late_minutes: 15 };
  it("are the restaurant's, unless the address overrides them", () => {
    expect(thresholdsOf(settings, new URLSearchParams())).toEqual({ warningMinutes: 10, lateMinutes: 15 });
    expect(thresholdsOf(settings, new URLSearchParams('amber=3&red=6'))).toEqual({ warningMinutes: 3, lateMinutes: 6 });
    expect(thresholdsOf(settings, new URLSearchParams('red=20'))).toEqual({ warningMinutes: 10, lateMinutes: 20 });
    expect(thresholdsOf(undefined, new URLSearchParams())).toEqual({ warningMinutes: 5, lateMinutes: 8 });
  });

  it('ignore a nonsense override and keep amber before red', () => {
    expect(thresholdsOf(settings, new URLSearchParams('amber=x&red=-2'))).toEqual({ warningMinutes: 10, lateMinutes: 15 });
    expect(thresholdsOf(settings, new URLSearchParams('amber=20'))).toEqual({ warningMinutes: 20, lateMinutes: 20 });
  });
});
