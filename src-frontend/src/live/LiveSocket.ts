import type { LiveMessage } from '../api/types';
import { backoffDelay } from './backoff';
import { SequenceTracker } from './sequence';

/**
 * `reconnecting`: the socket is away, or the gateway lost its event feed (the screen may be stale);
 * `resyncing`: the screen saw a gap and waits for a fresh snapshot.
 */
export type LiveStatus = 'connecting' | 'open' | 'reconnecting' | 'resyncing' | 'denied' | 'stopped';

export interface WebSocketLike {
  readonly readyState: number;
  /** Bytes sent but not yet on the wire: a heartbeat still queued a beat later means the link is dead. */
  readonly bufferedAmount?: number;
  onopen: ((ev: Event) => unknown) | null;
  onmessage: ((ev: MessageEvent) => unknown) | null;
  onclose: ((ev: CloseEvent) => unknown) | null;
  onerror: ((ev: Event) => unknown) | null;
  close(code?: number, reason?: string): void;
  send(data: string): void;
}

export interface LiveSocketOptions {
  /** Absolute ws(s):// URL of the gateway endpoint. */
  url: string;
  /** The bearer token for each (re)connect: asked every time, so a refreshed token is used. */
  token: () => Promise<string | null>;
  /** Called after the gateway refused the token (close 1008) before giving up: answers a renewed token or null. */
  renewToken?: () => Promise<string | null>;
  onMessage: (message: LiveMessage) => void;
  onStatus: (status: LiveStatus, retryInMs?: number) => void;
  createSocket?: (url: string, protocols: string[]) => WebSocketLike;
  /** No frame (the gateway sends heartbeats) for this long means the connection is dead. */
  silenceMs?: number;
  /**
   * The client's own heartbeat: this often it checks that the browser is online and that its last
   * beat left (the gateway ignores the frame; its own pings are far apart, so silence alone is slow).
   */
  heartbeatMs?: number;
  /** Whether the browser thinks it is online (navigator.onLine). */
  isOnline?: () => boolean;
  /** A resync asked for but no snapshot after this long: reconnect, which always starts with one. */
  resyncTimeoutMs?: number;
  random?: () => number;
}

/** The subprotocols that carry the token into the upgrade's Authorization header (never the URL). */
export function bearerProtocols(token: string): string[] {
  return ['bearer-token-carrier', encodeURIComponent(`quarkus-http-upgrade#Authorization#Bearer ${token}`)];
}

/** Absolute WebSocket URL for a path on the page's own origin (the gateway). */
export function liveUrl(path: string, location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${path}`;
}

/**
 * One live connection to the gateway that keeps itself up: reconnects with backoff after any loss, and
 * the gateway answers every (re)connect with a fresh snapshot first, so nothing missed while away is lost.
 * While connected it checks each event's sequence: what a snapshot already holds is dropped, and a gap
 * asks the gateway for a fresh snapshot (reconnecting if none comes), so the screen never silently
 * misses an event. Pages only ever see snapshots and the events that are new to them.
 */
export class LiveSocket {
  private socket: WebSocketLike | null = null;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private silenceTimer: ReturnType<typeof setTimeout> | null = null;
  private resyncTimer: ReturnType<typeof setTimeout> | null = null;
  private heartbeatTimer: ReturnType<typeof setInterval> | null = null;
  private readonly sequences = new SequenceTracker();
  private stopped = false;
  private renewed = false;
  private readonly opts: LiveSocketOptions;

  constructor(opts: LiveSocketOptions) {
    this.opts = opts;
  }

  start(): void {
    this.stopped = false;
    void this.connect();
  }

  stop(): void {
    this.stopped = true;
    this.clearTimers();
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onclose = null;
      socket.close(1000, 'bye');
    }
    this.opts.onStatus('stopped');
  }

  /** Ask the gateway for a fresh snapshot (a gap, or the user asked); reconnects if none comes in time. */
  resync(): void {
    const socket = this.socket;
    if (this.stopped || !socket || this.resyncTimer) return;
    this.opts.onStatus('resyncing');
    try {
      socket.send(JSON.stringify({ kind: 'resync' }));
    } catch {
      // the close that follows reconnects, and a reconnect starts with a snapshot
    }
    this.resyncTimer = setTimeout(() => {
      this.resyncTimer = null;
      this.reconnectNow();
    }, this.opts.resyncTimeoutMs ?? 10_000);
  }

  /**
   * The browser went offline (or a heartbeat found the link dead): drop the socket at once and say
   * so, instead of waiting for TCP or the gateway's silence to tell; retries follow with backoff.
   */
  connectionLost(): void {
    if (this.stopped) return;
    const socket = this.socket;
    if (!socket && this.retryTimer) return;
    this.socket = null;
    this.clearTimers();
    if (socket) {
      socket.onclose = null;
      socket.close(4001, 'offline');
    }
    this.scheduleRetry();
  }

  /** Reconnect now (the browser came back online, or the user asked). */
  reconnectNow(): void {
    if (this.stopped) return;
    this.attempt = 0;
    this.clearTimers();
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onclose = null;
      socket.close(1000, 'reconnect');
    }
    void this.connect();
  }

  private async connect(): Promise<void> {
    this.opts.onStatus(this.attempt === 0 ? 'connecting' : 'reconnecting');
    let token: string | null;
    try {
      token = await this.opts.token();
    } catch {
      token = null;
    }
    if (this.stopped) return;
    if (!token) {
      this.opts.onStatus('denied');
      return;
    }
    const create = this.opts.createSocket ?? ((url, protocols) => new WebSocket(url, protocols) as WebSocketLike);
    let socket: WebSocketLike;
    try {
      socket = create(this.opts.url, bearerProtocols(token));
    } catch {
      this.scheduleRetry();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      this.armSilenceWatch();
      this.startHeartbeat(socket);
    };
    socket.onmessage = (ev: MessageEvent) => {
      this.armSilenceWatch();
      let message: LiveMessage;
      try {
        message = JSON.parse(String(ev.data)) as LiveMessage;
      } catch {
        return;
      }
      if (message.kind === 'snapshot') {
        // the connection counts as healthy once its snapshot arrived
        this.attempt = 0;
        this.renewed = false;
        this.clearResync();
        this.sequences.reset(message.scope, message.sequences);
        this.opts.onStatus('open');
      } else if (message.kind === 'feed') {
        // the socket is fine but the gateway hears no events: a resync snapshot follows once it does
        this.opts.onStatus('reconnecting');
      } else if (message.kind === 'event') {
        const verdict = this.sequences.check(message.event);
        if (verdict === 'drop') return;
        if (verdict === 'gap') {
          this.opts.onMessage(message);
          this.resync();
          return;
        }
      }
      this.opts.onMessage(message);
    };
    socket.onerror = () => {
      // onclose follows and decides what to do
    };
    socket.onclose = (ev: CloseEvent) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.clearTimers();
      if (this.stopped) return;
      if (ev.code === 1008) {
        void this.afterRefusal();
        return;
      }
      this.scheduleRetry();
    };
  }

  private async afterRefusal(): Promise<void> {
    if (!this.renewed && this.opts.renewToken) {
      this.renewed = true;
      const token = await this.opts.renewToken().catch(() => null);
      if (token && !this.stopped) {
        void this.connect();
        return;
      }
    }
    this.opts.onStatus('denied');
  }

  private scheduleRetry(): void {
    const delay = backoffDelay(this.attempt, 1000, 30_000, this.opts.random);
    this.attempt += 1;
    this.opts.onStatus('reconnecting', delay);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect();
    }, delay);
  }

  private armSilenceWatch(): void {
    if (this.silenceTimer) clearTimeout(this.silenceTimer);
    this.silenceTimer = setTimeout(() => {
      const socket = this.socket;
      if (!socket) return;
      this.socket = null;
      socket.onclose = null;
      socket.close(4000, 'silent');
      this.scheduleRetry();
    }, this.opts.silenceMs ?? 75_000);
  }

  private startHeartbeat(socket: WebSocketLike): void {
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    this.heartbeatTimer = setInterval(() => {
      if (this.socket !== socket) return;
      const online = this.opts.isOnline ? this.opts.isOnline() : true;
      if (!online || (socket.bufferedAmount ?? 0) > 0) {
        this.connectionLost();
        return;
      }
      try {
        socket.send(JSON.stringify({ kind: 'heartbeat' }));
      } catch {
        this.connectionLost();
      }
    }, this.opts.heartbeatMs ?? 10_000);
  }

  private clearResync(): void {
    if (this.resyncTimer) clearTimeout(this.resyncTimer);
    this.resyncTimer = null;
  }

  private clearTimers(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.silenceTimer) clearTimeout(this.silenceTimer);
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    this.heartbeatTimer = null;
    this.clearResync();
    this.retryTimer = null;
    this.silenceTimer = null;
  }
}
