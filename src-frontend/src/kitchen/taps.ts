import type { OrderStatus } from '../api/types';

/**
 * A status tap on a ticket until the server confirmed it: shown as pending, and if it failed (offline,
 * a conflict) it stays on the ticket with the reason and a retry, never a silently greyed button.
 */
export interface Tap {
  to: OrderStatus;
  state: 'pending' | 'failed';
  reason?: string;
}

export type Taps = Readonly<Record<string, Tap>>;

export type TapAction =
  | { kind: 'sent'; orderId: string; to: OrderStatus }
  | { kind: 'confirmed'; orderId: string }
  | { kind: 'failed'; orderId: string; reason: string };

export function tapsReducer(taps: Taps, action: TapAction): Taps {
  switch (action.kind) {
    case 'sent':
      return { ...taps, [action.orderId]: { to: action.to, state: 'pending' } };
    case 'confirmed': {
      if (!(action.orderId in taps)) return taps;
      const rest = { ...taps };
      delete rest[action.orderId];
      return rest;
    }
    case 'failed': {
      const tap = taps[action.orderId];
      if (!tap) return taps;
      return { ...taps, [action.orderId]: { ...tap, state: 'failed', reason: action.reason } };
    }
  }
}

/** The ticket's button: its usual label, "Sending…" while a tap is unconfirmed, a retry after a failure. */
export function tapButton(tap: Tap | undefined, label: string): { label: string; disabled: boolean } {
  if (!tap) return { label, disabled: false };
  if (tap.state === 'pending') return { label: 'Sending…', disabled: true };
  return { label: `${label} — try again`, disabled: false };
}
