// The kit of the system checks and drills that run against a packaged, running Tavola (scripts/e2e,
// scripts/drills): the API through the gateway, demo logins, live sockets, and a reporter. Plain
// Node.js (22+: fetch and WebSocket are built in), no dependencies.
//   TAVOLA_BASE_URL   the gateway, e.g. http://localhost:19000
//   TAVOLA_DEMO_JSON  what scripts/seed made (docs/contracts.md, "Demo data")
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';

export const baseUrl = (process.env.TAVOLA_BASE_URL ?? 'http://localhost:8000').replace(/\/$/, '');

export function demo() {
  const file = process.env.TAVOLA_DEMO_JSON;
  if (!file) throw new Error('TAVOLA_DEMO_JSON must name the demo data file written by scripts/seed');
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** One HTTP exchange through the gateway: {status, headers, body (parsed JSON when it is JSON), text}. */
export async function api(method, path, { token, body, headers = {}, raw, timeoutMs = 10_000 } = {}) {
  const url = path.startsWith('http') ? path : `${baseUrl}${/^\/(api|q)\//.test(path) ? '' : '/api/v1'}${path}`;
  const init = { method, headers: { ...headers }, signal: AbortSignal.timeout(timeoutMs) };
  if (token) init.headers.Authorization = `Bearer ${token}`;
  if (raw !== undefined) {
    init.body = raw;
  } else if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers['Content-Type'] ??= 'application/json';
  }
  const response = await fetch(url, init);
  const text = await response.text();
  let parsed;
  try { parsed = text ? JSON.parse(text) : undefined; } catch { parsed = undefined; }
  return { status: response.status, headers: response.headers, body: parsed, text };
}

/** Like api, but fails unless the status is one of `expected` (default: any 2xx). */
export async function call(method, path, options = {}, expected) {
  const answer = await api(method, path, options);
  const ok = expected ? [].concat(expected).includes(answer.status) : answer.status >= 200 && answer.status < 300;
  if (!ok) throw new Error(`${method} ${path} answered ${answer.status}: ${answer.text.slice(0, 300)}`);
  return answer.body;
}

export async function login(username, password) {
  return (await call('POST', '/auth/login', { body: { username, password } })).access_token;
}

export async function guestToken(qrToken) {
  return (await call('POST', '/auth/guest', { body: { qr_token: qrToken } })).access_token;
}

export const idempotencyKey = () => randomUUID();

/**
 * A live socket (kitchen or session) with the token in the subprotocol list, as the web app sends it.
 * Collects every frame; `await socket.opened` resolves once the snapshot arrived.
 */
export function liveSocket(path, token) {
  const url = baseUrl.replace(/^http/, 'ws') + path;
  const ws = new WebSocket(url, ['bearer-token-carrier',
    encodeURIComponent(`quarkus-http-upgrade#Authorization#Bearer ${token}`)]);
  const frames = [];
  const listeners = new Set();
  let closed = null;
  const opened = new Promise((resolve, reject) => {
    ws.addEventListener('message', (event) => {
      const frame = { at: performance.now(), ...JSON.parse(event.data) };
      frames.push(frame);
      if (frame.kind === 'snapshot') resolve(frame);
      for (const listener of listeners) listener(frame);
    });
    ws.addEventListener('close', (event) => {
      closed = { code: event.code, reason: event.reason };
      reject(new Error(`socket ${path} closed ${event.code} ${event.reason}`));
    });
    ws.addEventListener('error', () => reject(new Error(`socket ${path} failed`)));
  });
  opened.catch(() => {});
  return {
    frames,
    opened,
    get closed() { return closed; },
    onFrame(listener) { listeners.add(listener); return () => listeners.delete(listener); },
    close() { ws.close(); },
  };
}

export const kitchenSocket = (restaurantId, token) => liveSocket(`/ws/kitchen/${restaurantId}`, token);
export const sessionSocket = (sessionId, token) => liveSocket(`/ws/sessions/${sessionId}`, token);

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `condition` until it is truthy or `ms` pass; answers its last value. */
export async function waitFor(condition, ms, everyMs = 200) {
  const deadline = Date.now() + ms;
  let value;
  while (Date.now() < deadline) {
    value = await condition();
    if (value) return value;
    await sleep(everyMs);
  }
  return value;
}

/** Named expectations, printed like scripts/e2e's; `done()` prints the tally and sets the exit code. */
export function reporter(title) {
  let passed = 0;
  let failed = 0;
  return {
    async check(name, expectation) {
      try {
        const result = await expectation();
        if (result === false) throw new Error('expectation not met');
        passed += 1;
        console.log(`    ok ${name}`);
      } catch (error) {
        failed += 1;
        console.log(`    !! FAILED: ${name}\n        ${String(error?.message ?? error).split('\n').join('\n        ')}`);
      }
    },
    note(text) { console.log(`    .. ${text}`); },
    done() {
      console.log(`${title}: ${passed} passed, ${failed} failed`);
      process.exitCode = failed === 0 ? 0 : 1;
      return failed === 0;
    },
  };
}

/**
 * A live screen kept the way the web app keeps it (src-frontend/src/live): the orders it holds, from its
 * snapshots and its order.created events; events a snapshot already holds (sequence at or below the
 * snapshot's) dropped; a sequence gap on a stream it receives whole (a kitchen: all; a session: all but
 * its share of "orders") answered by asking for a resync. `reconnect(base)` opens a new socket (to another
 * gateway, say) and keeps what it held, as a page does. Counts what a drill reports.
 */
export class LiveScreen {
  constructor(path, token, base = baseUrl) {
    this.path = path;
    this.token = token;
    this.held = new Map(); // order id -> { via: 'snapshot' | 'event', at: ms since epoch }
    this.duplicates = []; // order ids an order.created event brought while already held
    this.gaps = 0;
    this.snapshots = 0;
    this.feedDowns = 0;
    this.closes = [];
    this.last = {};
    this.scope = path.startsWith('/ws/kitchen/') ? 'kitchen' : 'session';
    this.connect(base);
  }

  connect(base = baseUrl) {
    this.base = base;
    const ws = new WebSocket(base.replace(/^http/, 'ws') + this.path, ['bearer-token-carrier',
      encodeURIComponent(`quarkus-http-upgrade#Authorization#Bearer ${this.token}`)]);
    this.ws = ws;
    this.open = false;
    this.ready = new Promise((resolve, reject) => {
      ws.addEventListener('message', (event) => {
        const frame = JSON.parse(event.data);
        if (frame.kind === 'snapshot') {
          this.onSnapshot(frame);
          this.open = true;
          resolve(frame);
        } else if (frame.kind === 'event') {
          this.onEvent(frame.event);
        } else if (frame.kind === 'feed') {
          this.feedDowns += 1;
        }
      });
      ws.addEventListener('close', (event) => {
        if (this.ws === ws) this.open = false;
        this.closes.push({ code: event.code, at: Date.now() });
        reject(new Error(`socket ${this.path} closed ${event.code}`));
      });
      ws.addEventListener('error', () => reject(new Error(`socket ${this.path} failed`)));
    });
    this.ready.catch(() => {});
    return this.ready;
  }

  reconnect(base = this.base) {
    this.close();
    return this.connect(base);
  }

  onSnapshot(frame) {
    this.snapshots += 1;
    this.last = { ...(frame.sequences ?? {}) };
    const at = Date.now();
    for (const order of frame.orders ?? frame.session?.orders ?? []) {
      if (!this.held.has(order.id)) this.held.set(order.id, { via: 'snapshot', at });
    }
  }

  onEvent(envelope) {
    const { stream, sequence } = envelope;
    if (stream !== undefined && sequence !== undefined) {
      const last = this.last[stream];
      if (last !== undefined && sequence <= last) return;
      this.last[stream] = sequence;
      const whole = this.scope === 'kitchen' || stream !== 'orders';
      if (last !== undefined && sequence !== last + 1 && whole) {
        this.gaps += 1;
        this.ws.send(JSON.stringify({ kind: 'resync' }));
      }
    }
    if (envelope.type !== 'order.created') return;
    const id = envelope.data.id;
    if (this.held.has(id)) this.duplicates.push(id);
    else this.held.set(id, { via: 'event', at: Date.now() });
  }

  close() {
    const ws = this.ws;
    this.ws = null;
    this.open = false;
    if (ws && ws.readyState <= 1) ws.close();
  }
}

/** A drill that stops a shared server: on Ctrl-C or SIGTERM, `restore` starts it again before the exit. */
export function restoreOnInterrupt(restore) {
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => { Promise.resolve().then(restore).finally(() => process.exit(130)); });
  }
}

/** Runs a command without blocking the event loop (live sockets keep being read); rejects on failure. */
export async function run(command, args, options = {}) {
  const { execFile } = await import('node:child_process');
  return new Promise((resolve, reject) => {
    execFile(command, args, { timeout: 120_000, ...options }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(' ')}: ${stderr || error.message}`));
      else resolve(stdout);
    });
  });
}

/** Where a drill keeps its figures for docs/reliability.md: $TAVOLA_DRILL_STATE/results/NAME.json. */
export async function saveResult(name, result) {
  const { mkdirSync, writeFileSync } = await import('node:fs');
  const dir = `${process.env.TAVOLA_DRILL_STATE ?? 'var/drills'}/results`;
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/${name}.json`, `${JSON.stringify({ at: new Date().toISOString(), ...result }, null, 2)}\n`);
}

/** The nearest-rank percentile of a list of numbers (0 for an empty one). */
export function percentile(values, p) {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** A restaurant's items that need no modifier choice (any diner can order them as they are). */
export function plainItems(restaurant) {
  return restaurant.items.filter((item) => (item.modifier_groups ?? []).length === 0);
}

/**
 * Places a dine-in order as a diner does: one Idempotency-Key, retried on a network error or a 5xx
 * (so a retry never orders twice). Answers the order's id and how long it took.
 */
export async function placeOrder(token, items, { attempts = 5 } = {}) {
  const key = idempotencyKey();
  const started = performance.now();
  let last;
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    try {
      last = await api('POST', '/orders', { token, headers: { 'Idempotency-Key': key },
        body: { type: 'dine_in', items: items.map((item) => ({ menu_item_id: item.id, quantity: 1, modifier_option_ids: [] })) } });
      if (last.status === 201) return { id: last.body.id, ms: performance.now() - started };
      if (last.status < 500) break;
    } catch (error) {
      last = { status: 0, text: String(error) };
    }
    await sleep(250 * (attempt + 1));
  }
  throw new Error(`placing an order answered ${last?.status}: ${String(last?.text).slice(0, 200)}`);
}
