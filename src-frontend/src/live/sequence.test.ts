import { describe, expect, it } from 'vitest';
import { receivesWhole, SequenceTracker } from './sequence';

const ev = (stream: string | undefined, sequence: number | undefined) => ({ stream, sequence });

describe('sequence gaps', () => {
  it('applies the next number, drops what the snapshot already holds, and calls a skipped number a gap', () => {
    const t = new SequenceTracker();
    t.reset('kitchen', { orders: 7 });
    expect(t.check(ev('orders', 6))).toBe('drop');
    expect(t.check(ev('orders', 7))).toBe('drop');
    expect(t.check(ev('orders', 8))).toBe('apply');
    expect(t.check(ev('orders', 8))).toBe('drop');
    expect(t.check(ev('orders', 10))).toBe('gap');
    // the gap's event is taken: the next one after it is in order again
    expect(t.check(ev('orders', 11))).toBe('apply');
    expect(t.held()).toEqual({ orders: 11 });
  });

  it('takes the first event of a stream the snapshot did not name as its start', () => {
    const t = new SequenceTracker();
    t.reset('kitchen', { orders: 3 });
    expect(t.check(ev('menu', 41))).toBe('apply');
    expect(t.check(ev('menu', 42))).toBe('apply');
    expect(t.check(ev('menu', 44))).toBe('gap');
    expect(t.check(ev('feedback', 1))).toBe('apply');
  });

  it('lets events without a sequence through (older producers)', () => {
    const t = new SequenceTracker();
    t.reset('kitchen', { orders: 3 });
    expect(t.check(ev(undefined, undefined))).toBe('apply');
    expect(t.check(ev('orders', undefined))).toBe('apply');
  });

  it("on a session, the orders stream is only the table's share: jumps are normal there, repeats still dropped", () => {
    expect(receivesWhole('session', 'orders')).toBe(false);
    expect(receivesWhole('session', 'menu')).toBe(true);
    expect(receivesWhole('kitchen', 'orders')).toBe(true);
    const t = new SequenceTracker();
    t.reset('session', { orders: 20, menu: 5 });
    expect(t.check(ev('orders', 24))).toBe('apply');
    expect(t.check(ev('orders', 24))).toBe('drop');
    expect(t.check(ev('orders', 19))).toBe('drop');
    expect(t.check(ev('menu', 7))).toBe('gap');
  });

  it('starts afresh with every snapshot', () => {
    const t = new SequenceTracker();
    t.reset('kitchen', { orders: 50 });
    t.check(ev('orders', 51));
    t.reset('kitchen', { orders: 60 });
    expect(t.check(ev('orders', 55))).toBe('drop');
    expect(t.check(ev('orders', 61))).toBe('apply');
    t.reset('kitchen', undefined);
    expect(t.check(ev('orders', 3))).toBe('apply');
  });
});
