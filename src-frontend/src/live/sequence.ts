import type { EventEnvelope } from '../api/types';

/** Per stream (orders, menu, feedback), the last sequence number a screen holds. */
export type Sequences = Record<string, number>;

/** What to do with an event: show it, drop it (the screen already holds it), or show it and resync. */
export type Verdict = 'apply' | 'drop' | 'gap';

/**
 * The streams a socket receives whole, where a skipped number means a lost event: a kitchen gets every
 * event of its restaurant; a session gets the whole menu stream but only its own share of the orders
 * stream (its numbers may jump: the gateway watches that stream for it).
 */
export function receivesWhole(scope: 'kitchen' | 'session', stream: string): boolean {
  return scope === 'kitchen' || stream !== 'orders';
}

/**
 * Gap detection on a live socket (issue 12: no screen misses an event without knowing). Every live event
 * carries its restaurant's sequence in its stream; a snapshot says which sequence of each stream it is
 * current to. Events at or below what the screen holds are dropped (they are in the snapshot already, or
 * a redelivery); a number past the next one, on a stream the socket receives whole, is a gap.
 */
export class SequenceTracker {
  private last = new Map<string, number>();
  private scope: 'kitchen' | 'session' = 'kitchen';

  /** A snapshot replaced the screen's state: it holds each stream up to its sequence (unnamed ones start afresh). */
  reset(scope: 'kitchen' | 'session', sequences: Sequences | undefined): void {
    this.scope = scope;
    this.last = new Map(Object.entries(sequences ?? {}));
  }

  check(event: Pick<EventEnvelope, 'stream' | 'sequence'>): Verdict {
    const { stream, sequence } = event;
    if (stream === undefined || sequence === undefined) return 'apply';
    const last = this.last.get(stream);
    if (last !== undefined && sequence <= last) return 'drop';
    this.last.set(stream, sequence);
    if (last === undefined || sequence === last + 1 || !receivesWhole(this.scope, stream)) return 'apply';
    return 'gap';
  }

  /** What the screen holds now, per stream. */
  held(): Sequences {
    return Object.fromEntries(this.last);
  }
}
