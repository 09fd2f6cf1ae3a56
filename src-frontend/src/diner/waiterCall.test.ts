import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { afterCall, afterRefusal, HOLD_MS, loadCall, saveCall, waiterButton } from './waiterCall';

describe('calling the waiter', () => {
  const now = Date.parse('2026-12-01T19:41:20Z');
  beforeEach(() => sessionStorage.clear());

  it('shows the time of the call, disabled, during the hold; then the button is back', () => {
    const call = afterCall('2026-12-01T19:41:05Z', now);
    expect(waiterButton(call, now + 1000, 'UTC')).toEqual({ label: 'Waiter called 19:41', disabled: true });
    expect(waiterButton(call, now, 'Europe/Rome')).toEqual({ label: 'Waiter called 20:41', disabled: true });
    expect(waiterButton(call, now + HOLD_MS, 'UTC')).toEqual({ label: 'Call waiter', disabled: false });
    expect(waiterButton(null, now)).toEqual({ label: 'Call waiter', disabled: false });
  });

  it('turns a 429 into the same "called" state for its Retry-After, not an error', () => {
    const tooMany = new ApiError(429, { title: 'Too Many Requests', status: 429 }, 42);
    const earlier = afterCall('2026-12-01T19:41:05Z', now);
    const held = afterRefusal(tooMany, earlier, now)!;
    expect(held).toEqual({ calledAt: earlier.calledAt, until: now + 42_000 });
    expect(waiterButton(held, now + 41_000, 'UTC')).toEqual({ label: 'Waiter called 19:41', disabled: true });
    expect(waiterButton(held, now + 42_000, 'UTC').disabled).toBe(false);
    // another phone at the table called: we do not know when, only that it is running
    expect(waiterButton(afterRefusal(tooMany, null, now), now, 'UTC')).toEqual({ label: 'Waiter called', disabled: true });
  });

  it('leaves every other error an error', () => {
    expect(afterRefusal(new ApiError(404, { title: 'Not Found', status: 404 }), null, now)).toBeNull();
    expect(afterRefusal(new Error('boom'), null, now)).toBeNull();
  });

  it('remembers the call per table session across a reload', () => {
    const call = afterCall('2026-12-01T19:41:05Z', now);
    saveCall('s1', call);
    expect(loadCall('s1')).toEqual(call);
    expect(loadCall('s2')).toBeNull();
  });
});

describe('asking for the bill', () => {
  const now = Date.parse('2026-12-01T19:41:20Z');
  beforeEach(() => sessionStorage.clear());

  it('holds its own button the same way, remembered apart from the waiter call', () => {
    const call = afterCall('2026-12-01T19:41:05Z', now);
    expect(waiterButton(null, now, 'UTC', 'bill')).toEqual({ label: 'Ask for the bill', disabled: false });
    expect(waiterButton(call, now, 'UTC', 'bill')).toEqual({ label: 'Bill asked for 19:41', disabled: true });
    saveCall('s1', call, 'bill');
    expect(loadCall('s1', 'bill')).toEqual(call);
    expect(loadCall('s1')).toBeNull();
  });
});
