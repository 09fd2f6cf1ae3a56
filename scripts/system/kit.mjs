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
  const url = path.startsWith('http') ? path : `${baseUrl}${path.startsWith('/api') ? '' : '/api/v1'}${path}`;
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
