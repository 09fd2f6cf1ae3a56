import { describe, expect, it } from 'vitest';
import { tapButton, tapsReducer, type Taps } from './taps';

describe('kitchen taps', () => {
  it('is pending until the server confirms it, then leaves the ticket alone', () => {
    let taps: Taps = {};
    taps = tapsReducer(taps, { kind: 'sent', orderId: 'o1', to: 'PREPARING' });
    expect(taps.o1).toEqual({ to: 'PREPARING', state: 'pending' });
    expect(tapButton(taps.o1, 'Start preparing')).toEqual({ label: 'Sending…', disabled: true });
    taps = tapsReducer(taps, { kind: 'confirmed', orderId: 'o1' });
    expect(taps).toEqual({});
    expect(tapButton(taps.o1, 'Start preparing')).toEqual({ label: 'Start preparing', disabled: false });
  });

  it('keeps a failed tap with its reason and offers a retry', () => {
    let taps: Taps = tapsReducer({}, { kind: 'sent', orderId: 'o1', to: 'READY' });
    taps = tapsReducer(taps, { kind: 'sent', orderId: 'o2', to: 'CONFIRMED' });
    taps = tapsReducer(taps, { kind: 'failed', orderId: 'o1', reason: 'Network error' });
    expect(taps.o1).toEqual({ to: 'READY', state: 'failed', reason: 'Network error' });
    expect(taps.o2!.state).toBe('pending');
    expect(tapButton(taps.o1, 'Mark ready')).toEqual({ label: 'Mark ready — try again', disabled: false });
    // tapping again makes it pending once more
    taps = tapsReducer(taps, { kind: 'sent', orderId: 'o1', to: 'READY' });
    expect(taps.o1!.state).toBe('pending');
  });

  it('ignores answers for taps it does not know', () => {
    const taps: Taps = {};
    expect(tapsReducer(taps, { kind: 'failed', orderId: 'x', reason: 'r' })).toBe(taps);
    expect(tapsReducer(taps, { kind: 'confirmed', orderId: 'x' })).toBe(taps);
  });
});
