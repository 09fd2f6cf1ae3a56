import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backoffDelay } from './backoff';
import { bearerProtocols, liveUrl, LiveSocket, type LiveStatus, type WebSocketLike } from './LiveSocket';

class FakeSocket implements WebSocketLike {
  readyState = 0;
  /** Set by a test to play a link that accepts no more bytes. */
  bufferedAmount = 0;
  onopen: ((ev: Event) => unknown) | null = null;
  onmessage: ((ev: MessageEvent) => unknown) | null = null;
  onclose: ((ev: CloseEvent) => unknown) | null = null;
  onerror: ((ev: Event) => unknown) | null = null;
  closedWith: number | undefined;
  sent: unknown[] = [];
  constructor(readonly url: string, readonly protocols: string[]) {}
  open() {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }
  /** A frame from the gateway. */
  push(data: unknown) {
    this.onmessage?.(new MessageEvent('message', { data: JSON.stringify(data) }));
  }
  /** A frame to the gateway. */
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  drop(code = 1006) {
    this.readyState = 3;
    this.onclose?.({ code } as CloseEvent);
  }
  close(code?: number) {
    this.closedWith = code;
    this.readyState = 3;
  }
}

describe('reconnect backoff', () => {
  it('doubles from one second up to a 30 second ceiling, with jitter in the upper half', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 10].map((n) => backoffDelay(n, 1000, 30_000, () => 1))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
    expect(backoffDelay(3, 1000, 30_000, () => 0)).toBe(4000);
    for (let i = 0; i < 50; i++) {
      const d = backoffDelay(2);
      expect(d).toBeGreaterThanOrEqual(2000);
      expect(d).toBeLessThanOrEqual(4000);
    }
  });
});

describe('live socket', () => {
  let sockets: FakeSocket[];
  let statuses: LiveStatus[];
  let messages: unknown[];
  let token: string | null;

  function socket(extra: Partial<ConstructorParameters<typeof LiveSocket>[0]> = {}) {
    return new LiveSocket({
      url: 'ws://gw/ws/kitchen/r1',
      token: async () => token,
      onMessage: (m) => messages.push(m),
      onStatus: (s) => statuses.push(s),
      createSocket: (url, protocols) => {
        const s = new FakeSocket(url, protocols);
        sockets.push(s);
        return s;
      },
      random: () => 1,
      ...extra,
    });
  }

  beforeEach(() => {
    vi.useFakeTimers();
    sockets = [];
    statuses = [];
    messages = [];
    token = 'tok-1';
  });
  afterEach(() => vi.useRealTimers());

  it('carries the token in the subprotocols, never in the URL', async () => {
    const live = socket();
    live.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(sockets[0]!.url).toBe('ws://gw/ws/kitchen/r1');
    expect(sockets[0]!.protocols).toEqual(bearerProtocols('tok-1'));
    expect(bearerProtocols('a.b.c')).toEqual(['bearer-token-carrier', 'quarkus-http-upgrade%23Authorization%23Bearer%20a.b.c']);
    expect(liveUrl('/ws/x', { protocol: 'https:', host: 'tavola.example' })).toBe('wss://tavola.example/ws/x');
    live.stop();
  });

  it('is open once the snapshot arrives and hands every message on', async () => {
    const live = socket();
    live.start();
    await vi.advanceTimersByTimeAsync(0);
    sockets[0]!.open();
    sockets[0]!.push({ kind: 'snapshot', scope: 'kitchen', restaurant_id: 'r1', orders: [] });
    sockets[0]!.push({ kind: 'heartbeat', at: 'now' });
    expect(statuses).toEqual(['connecting', 'open']);
    expect(messages).toHaveLength(2);
    live.stop();
  });

  it('reconnects after a drop with growing delays, asks for the token again, and resets after a snapshot', async () => {
    const live = socket();
    live.start();
    await vi.advanceTimersByTimeAsync(0);
    sockets[0]!.drop();
    expect(statuses.at(-1)).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(999);
    expect(sockets).toHaveLength(1);
    token = 'tok-2';
    await vi.advanceTimersByTimeAsync(1);
    expect(sockets).toHaveLength(2);
    expect(sockets[1]!.protocols[1]).toContain('tok-2');
    sockets[1]!.drop();
    await vi.advanceTimersByTimeAsync(1999);
    expect(sockets).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(sockets).toHaveLength(3);
    // a good connection resets the backoff: the next loss retries after one second again
    sockets[2]!.push({ kind: 'snapshot', scope: 'kitchen', restaurant_id: 'r1', orders: [] });
    sockets[2]!.drop();
    await vi.advanceTimersByTimeAsync(1000);
    expect(sockets).toHaveLength(4);
    live.stop();
  });

  it('treats a silent connection as lost and reconnects', async () => {
    const live = socket({ silenceMs: 5000 });
    live.start();
    await vi.advanceTimersByTimeAsync(0);
    sockets[0]!.open();
    await vi.advanceTimersByTimeAsync(4000);
    sockets[0]!.push({ kind: 'heartbeat', at: 'now' });
    await vi.advanceTimersByTimeAsync(4000);
    expect(sockets).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(sockets[0]!.closedWith).toBe(4000);
    await vi.advanceTimersByTimeAsync(1000);
    expect(sockets).toHaveLength(2);
    live.stop();
  });

  it('drops the socket at once when the browser goes offline and says so, then reconnects', async () => {
    const live = socket();
    live.start();
    await vi.advanceTimersByTimeAsync(0);
    sockets[0]!.open();
    sockets[0]!.push({ kind: 'snapshot', scope: 'kitchen', restaurant_id: 'r1', orders: [] });
    live.connectionLost();
    // no waiting for TCP or the gateway's silence: the banner's status is reported synchronously
    expect(statuses.at(-1)).toBe('reconnecting');
    expect(sockets[0]!.closedWith).toBe(4001);
    live.connectionLost(); // the offline event and a heartbeat both noticing: one retry, not two
    await vi.advanceTimersByTimeAsync(1000);
    expect(sockets).toHaveLength(2);
    sockets[1]!.open();
    sockets[1]!.push({ kind: 'snapshot', scope: 'kitchen', restaurant_id: 'r1', orders: [] });
    expect(statuses.at(-1)).toBe('open');
    live.stop();
  });

  it('sends its own heartbeat every 10 s and treats a beat that never left as a dead link', async () => {
    const live = socket({ silenceMs: 75_000 });
    live.start();
    await vi.advanceTimersByTimeAsync(0);
    sockets[0]!.open();
    sockets[0]!.push({ kind: 'snapshot', scope: 'kitchen', restaurant_id: 'r1', orders: [] });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sockets[0]!.sent).toEqual([{ kind: 'heartbeat' }]);
    // the network is gone but TCP has not noticed: the beat stays queued
    sockets[0]!.bufferedAmount = 20;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(statuses.at(-1)).toBe('reconnecting');
    expect(sockets[0]!.closedWith).toBe(4001);
    live.stop();
  });

  it('treats the browser saying it is offline at a heartbeat as a lost connection', async () => {
    let online = true;
    const live = socket({ isOnline: () => online, silenceMs: 75_000 });
    live.start();
    await vi.advanceTimersByTimeAsync(0);
    sockets[0]!.open();
    sockets[0]!.push({ kind: 'snapshot', scope: 'kitchen', restaurant_id: 'r1', orders: [] });
    online = false;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(statuses.at(-1)).toBe('reconnecting');
    expect(sockets[0]!.sent).toEqual([]);
    live.stop();
  });

  it('renews the token once after a policy refusal, then gives up', async () => {
    const renew = vi.fn(async () => {
      token = 'tok-renewed';
      return token;
    });
    const live = socket({ renewToken: renew });
    live.start();
    await vi.advanceTimersByTimeAsync(0);
    sockets[0]!.drop(1008);
    await vi.advanceTimersByTimeAsync(0);
    expect(renew).toHaveBeenCalledTimes(1);
    expect(sockets).toHaveLength(2);
    sockets[1]!.drop(1008);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sockets).toHaveLength(2);
    expect(statuses.at(-1)).toBe('denied');
  });

  it('does not reconnect after stop, and reconnectNow skips the wait', async () => {
    const live = socket();
    live.start();
    await vi.advanceTimersByTimeAsync(0);
    sockets[0]!.drop();
    live.reconnectNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(sockets).toHaveLength(2);
    live.stop();
    expect(sockets[1]!.closedWith).toBe(1000);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sockets).toHaveLength(2);
    expect(statuses.at(-1)).toBe('stopped');
  });

  it('reports denied without a token instead of connecting', async () => {
    token = null;
    const live = socket();
    live.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(sockets).toHaveLength(0);
    expect(statuses.at(-1)).toBe('denied');
  });

  describe('gaps', () => {
    const snapshot = (orders: number) => ({ kind: 'snapshot', scope: 'kitchen', restaurant_id: 'r1', orders: [], sequences: { orders } });
    const created = (sequence: number) => ({ kind: 'event', event: { event_id: `e${sequence}`, type: 'order.created', occurred_at: 'now', restaurant_id: 'r1', stream: 'orders', sequence, data: {} } });
    const ids = () => messages.filter((m) => (m as { kind: string }).kind === 'event').map((m) => (m as { event: { event_id: string } }).event.event_id);

    it('hands on only events the snapshot does not hold', async () => {
      const live = socket();
      live.start();
      await vi.advanceTimersByTimeAsync(0);
      sockets[0]!.push(snapshot(5));
      for (const n of [4, 5, 6, 6, 7]) sockets[0]!.push(created(n));
      expect(ids()).toEqual(['e6', 'e7']);
      expect(sockets[0]!.sent).toEqual([]);
      live.stop();
    });

    it('asks for a resync on a gap, says so, and is open again with the fresh snapshot', async () => {
      const live = socket();
      live.start();
      await vi.advanceTimersByTimeAsync(0);
      sockets[0]!.push(snapshot(5));
      sockets[0]!.push(created(6));
      sockets[0]!.push(created(8));
      expect(sockets[0]!.sent).toEqual([{ kind: 'resync' }]);
      expect(statuses.at(-1)).toBe('resyncing');
      // a second gap while waiting does not ask again
      sockets[0]!.push(created(10));
      expect(sockets[0]!.sent).toHaveLength(1);
      sockets[0]!.push(snapshot(10));
      expect(statuses.at(-1)).toBe('open');
      sockets[0]!.push(created(9));
      sockets[0]!.push(created(11));
      expect(ids()).toEqual(['e6', 'e8', 'e10', 'e11']);
      await vi.advanceTimersByTimeAsync(60_000);
      expect(sockets).toHaveLength(1);
      live.stop();
    });

    it('reconnects when the asked-for snapshot does not come', async () => {
      const live = socket({ resyncTimeoutMs: 3000 });
      live.start();
      await vi.advanceTimersByTimeAsync(0);
      sockets[0]!.push(snapshot(1));
      sockets[0]!.push(created(3));
      await vi.advanceTimersByTimeAsync(2999);
      expect(sockets).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(sockets[0]!.closedWith).toBe(1000);
      expect(sockets).toHaveLength(2);
      live.stop();
    });

    it('shows the gateway losing its event feed as reconnecting, until the resync snapshot', async () => {
      const live = socket();
      live.start();
      await vi.advanceTimersByTimeAsync(0);
      sockets[0]!.push(snapshot(1));
      sockets[0]!.push({ kind: 'feed', state: 'down' });
      expect(statuses.at(-1)).toBe('reconnecting');
      sockets[0]!.push(snapshot(9));
      expect(statuses.at(-1)).toBe('open');
      expect(sockets).toHaveLength(1);
      live.stop();
    });
  });
});
