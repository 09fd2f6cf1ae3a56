import { ApiError } from '../api/client';

/**
 * The "Call waiter" button after a call: it shows "Waiter called 19:41" and stays disabled while the
 * restaurant's cooldown runs, so a second tap cannot produce a "Too many requests" next to the success.
 * The diner's page does not know the cooldown: after a call it holds the button for HOLD_MS, and a 429
 * (another phone at the table called, or the page was reloaded) holds it for the Retry-After it names.
 */
export interface WaiterCall {
  /** When the call was made (epoch ms), or null when only the gateway's refusal told us. */
  calledAt: number | null;
  /** Until when the button stays disabled (epoch ms). */
  until: number;
}

export const HOLD_MS = 60_000;

export function afterCall(requestedAt: string, now: number): WaiterCall {
  const at = Date.parse(requestedAt);
  return { calledAt: Number.isNaN(at) ? now : at, until: now + HOLD_MS };
}

/** A 429 answer means a call is already running: not an error for the diner. Null for any other error. */
export function afterRefusal(error: unknown, previous: WaiterCall | null, now: number): WaiterCall | null {
  if (!(error instanceof ApiError) || error.status !== 429) return null;
  const wait = (error.retryAfterSeconds ?? HOLD_MS / 1000) * 1000;
  return { calledAt: previous?.calledAt ?? null, until: now + wait };
}

export type CallKind = 'waiter' | 'bill';

/** What the button says before and during the hold, per kind of call (asking for the bill holds the same way). */
const WORDS: Record<CallKind, { idle: string; called: string }> = {
  waiter: { idle: 'Call waiter', called: 'Waiter called' },
  bill: { idle: 'Ask for the bill', called: 'Bill asked for' },
};

export function waiterButton(call: WaiterCall | null, now: number, timeZone?: string, kind: CallKind = 'waiter'): { label: string; disabled: boolean } {
  const words = WORDS[kind];
  if (!call || now >= call.until) return { label: words.idle, disabled: false };
  if (call.calledAt === null) return { label: words.called, disabled: true };
  const time = new Date(call.calledAt).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone });
  return { label: `${words.called} ${time}`, disabled: true };
}

const key = (sessionId: string, kind: CallKind) => `tavola.${kind}-call.${sessionId}`;

/** Kept per table session for the tab's life, so a reload still shows the call. */
export function loadCall(sessionId: string, kind: CallKind = 'waiter'): WaiterCall | null {
  try {
    const raw = sessionStorage.getItem(key(sessionId, kind));
    return raw ? (JSON.parse(raw) as WaiterCall) : null;
  } catch {
    return null;
  }
}

export function saveCall(sessionId: string, call: WaiterCall, kind: CallKind = 'waiter'): void {
  try {
    sessionStorage.setItem(key(sessionId, kind), JSON.stringify(call));
  } catch {
    // storage full or disabled: the button still holds for this page's life
  }
}
