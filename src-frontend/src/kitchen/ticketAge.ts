export type AgeLevel = 'fresh' | 'warning' | 'late';

export interface AgeThresholds {
  warningMinutes: number;
  lateMinutes: number;
}

export const DEFAULT_THRESHOLDS: AgeThresholds = { warningMinutes: 5, lateMinutes: 8 };

/**
 * The screen's thresholds: the restaurant's settings, unless the screen's address overrides them
 * (`?amber=4&red=7`, for one screen that must differ); the defaults until the restaurant has loaded.
 */
export function thresholdsOf(settings: { kitchen_warning_minutes: number; kitchen_late_minutes: number } | undefined, params: URLSearchParams): AgeThresholds {
  const override = (name: string) => {
    const n = Number(params.get(name));
    return Number.isFinite(n) && n > 0 ? n : undefined;
  };
  const warningMinutes = override('amber') ?? settings?.kitchen_warning_minutes ?? DEFAULT_THRESHOLDS.warningMinutes;
  const lateMinutes = override('red') ?? settings?.kitchen_late_minutes ?? DEFAULT_THRESHOLDS.lateMinutes;
  // an override can only move red so far that amber still comes first
  return { warningMinutes, lateMinutes: Math.max(lateMinutes, warningMinutes) };
}

/** How urgent a ticket is: amber from 5 minutes, red from 8 (by default). */
export function ageLevel(createdAt: string, nowMs: number, t: AgeThresholds = DEFAULT_THRESHOLDS): AgeLevel {
  const minutes = (nowMs - Date.parse(createdAt)) / 60_000;
  if (minutes >= t.lateMinutes) return 'late';
  if (minutes >= t.warningMinutes) return 'warning';
  return 'fresh';
}

/** "m:ss" since the ticket was placed (never negative when clocks disagree a little). */
export function ageText(createdAt: string, nowMs: number): string {
  const seconds = Math.max(0, Math.floor((nowMs - Date.parse(createdAt)) / 1000));
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

/** The colour of a ticket's whole header band by age, readable across a kitchen (issue 17). */
export const AGE_CLASSES: Record<AgeLevel, string> = {
  fresh: 'bg-emerald-700 text-white',
  warning: 'bg-amber-400 text-stone-950',
  late: 'bg-red-700 text-white',
};
