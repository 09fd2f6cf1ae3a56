// Drill 2: Redis stopped for 20 s and started again while diners order and read menus, with a kitchen
// screen connected. Redis only backs what may fail open (the gateway's rate limits, auth's login
// throttling, the restaurant's menu cache, the orders service's call-the-waiter cooldowns), so: every
// order is placed and reaches the kitchen, every menu is served, logins and guest tokens still work,
// readiness stays UP everywhere (an orchestrator keeps routing) and says it is degraded (the gateway's
// rate_limiting: fail-open, the others' redis: degraded); once Redis is back the limits are enforced again within 5 s. Stops the
// machine's Redis (run it under `tlock all`); starts it again in a finally and waits until it answers.
// Figures: $TAVOLA_DRILL_STATE/results/redis-outage.json.
import {
  LiveScreen, api, call, demo, guestToken, login, percentile, placeOrder, plainItems, reporter, restoreOnInterrupt, run, saveResult,
  sleep, waitFor,
} from '../system/kit.mjs';

const OUTAGE_MS = Number(process.env.DRILL_OUTAGE_MS ?? 20_000);
const RESUME_MS = 5_000;
const BASE = Number(process.env.TAVOLA_DRILL_BASE ?? 19400);
const REDIS_HOST = process.env.REDIS_HOST ?? '127.0.0.1';
const REDIS_PORT = process.env.REDIS_PORT ?? '6379';
// how the machine's Redis is started (the shared rules of this machine; CI's service container differs)
const REDIS_START = (process.env.DRILL_REDIS_START
  ?? `redis-server --daemonize yes --bind 127.0.0.1 -::1 --port ${REDIS_PORT} --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log`);
const SERVICES = { gateway: 0, auth: 1, customers: 2, restaurant: 3, orders: 4 };
const report = reporter('redis-outage');

const data = demo();
const roma = data.restaurants.find((r) => r.name === 'Trattoria Roma') ?? data.restaurants[0];
const items = plainItems(roma);
const chef = await login(roma.chef.username, roma.chef.password);
const waiter = await login(roma.waiter.username, roma.waiter.password);
const tables = roma.tables.slice(-3);
const diners = await Promise.all(tables.map((t) => guestToken(t.qr_token)));

/** Readiness of a service on its management interface: {status, checks: {name: data}}. */
async function readiness(name) {
  try {
    const answer = await fetch(`http://127.0.0.1:${BASE + 1000 + SERVICES[name]}/q/health/ready`,
      { signal: AbortSignal.timeout(5000) });
    const body = await answer.json();
    return { http: answer.status, status: body.status,
      checks: Object.fromEntries((body.checks ?? []).map((c) => [c.name, c.data ? { status: c.status, ...c.data } : c.status])) };
  } catch (error) {
    return { http: 0, status: `unreachable: ${error.message}` };
  }
}
const readinessOfAll = async () => Object.fromEntries(
  await Promise.all(Object.keys(SERVICES).map(async (name) => [name, await readiness(name)])));
const rateLimiting = async () => (await readiness('gateway')).checks?.['gateway-rate-limiting']?.rate_limiting;

async function redisAnswers() {
  try {
    return (await run('redis-cli', ['-h', REDIS_HOST, '-p', REDIS_PORT, 'ping'], { timeout: 3000 })).trim() === 'PONG';
  } catch {
    return false;
  }
}
/** Does the gateway enforce limits right now? An enforced answer carries RateLimit-Limit. */
async function limited() {
  const answer = await api('GET', '/orders?active=true&size=1', { token: chef });
  return answer.headers.has('ratelimit-limit');
}

const kitchen = new LiveScreen(`/ws/kitchen/${roma.id}`, chef);
await kitchen.ready;

const placed = []; // { id, phase, ms }
const menus = []; // { phase, status, ms }
const failures = [];
let phase = 'before';
let working = true;
const loop = (async () => {
  for (let n = 0; working; n += 1) {
    const current = phase;
    try {
      const { id, ms } = await placeOrder(diners[n % diners.length], [items[n % items.length]]);
      placed.push({ id, phase: current, ms });
    } catch (error) {
      failures.push(`order (${current}): ${error.message ?? error}`);
    }
    const started = performance.now();
    try {
      const menu = await api('GET', `/restaurants/${roma.id}/menu`);
      menus.push({ phase: current, status: menu.status, ms: performance.now() - started });
    } catch (error) {
      menus.push({ phase: current, status: 0, ms: performance.now() - started });
      failures.push(`menu (${current}): ${error.message ?? error}`);
    }
    await sleep(400);
  }
})();

const figures = { outage_s: 0 };
await report.check('before the outage the gateway enforces its limits and says so', async () => {
  if (!(await limited())) throw new Error('no RateLimit-Limit header on an API answer');
  const state = await rateLimiting();
  if (state !== 'redis') throw new Error(`gateway readiness says rate_limiting=${state}`);
  return true;
});

let stopped = false;
let stoppedAt = null;
let backAt = null;
let during = null;
let duringLogin = null;
let duringGuest = null;
let duringCall = null;
let limitedDuring = null;
let revocation = null;
async function redisBack() {
  if (!stopped) return;
  await run('sh', ['-c', REDIS_START]);
  if (!(await waitFor(redisAnswers, 30_000, 250))) throw new Error('Redis did not answer within 30 s of its start');
  stopped = false;
  backAt = Date.now();
}
restoreOnInterrupt(redisBack);

try {
  await sleep(4000);
  report.note(`stopping Redis for ${OUTAGE_MS / 1000} s while diners order (${placed.length} orders so far)`);
  stopped = true; // from here on the finally restarts it, even if the shutdown itself reports an error
  await run('redis-cli', ['-h', REDIS_HOST, '-p', REDIS_PORT, 'shutdown', 'nosave']).catch(() => {});
  if (!(await waitFor(async () => !(await redisAnswers()), 10_000, 250))) throw new Error('Redis still answers');
  stoppedAt = Date.now();
  phase = 'outage';
  await sleep(3000);
  during = await readinessOfAll();
  limitedDuring = await limited();
  const loginStarted = performance.now();
  duringLogin = await api('POST', '/auth/login', { body: { username: roma.waiter.username, password: roma.waiter.password } })
    .then((a) => ({ status: a.status, ms: Math.round(performance.now() - loginStarted) }));
  duringGuest = await api('POST', '/auth/guest', { body: { qr_token: tables[0].qr_token } }).then((a) => ({ status: a.status }));
  // calling the waiter: its cooldown is in Redis, and in the database when Redis is away
  const tab = await api('GET', '/sessions/current', { token: diners[0] });
  duringCall = tab.body?.id
    ? await api('POST', `/sessions/${tab.body.id}/service-requests`, { token: diners[0], body: { kind: 'waiter' } })
      .then((a) => ({ status: a.status, type: a.body?.type }))
    : { status: `no session (${tab.status})` };

  // Revocation while Redis is down (docs/security.md, "Redis down: fail-open"): a token logged out during
  // the outage still passes elsewhere until Redis is back, then auth writes the revocation again and
  // every service refuses it.
  const signedIn = await call('POST', '/auth/login', { body: { username: roma.waiter.username, password: roma.waiter.password } });
  const loggedOut = await api('POST', '/auth/logout', { token: signedIn.access_token, body: { refresh_token: signedIn.refresh_token } });
  await sleep(2000);
  const afterLogout = await api('GET', '/orders?active=true&size=1', { token: signedIn.access_token });
  const fresh = await api('GET', '/orders?active=true&size=1', { token: waiter });
  revocation = { logout: loggedOut.status, logged_out_token: afterLogout.status, valid_token: fresh.status,
    token: signedIn.access_token };

  await sleep(Math.max(0, OUTAGE_MS - (Date.now() - stoppedAt)));
} finally {
  await redisBack();
}
phase = 'after';
figures.outage_s = (backAt - stoppedAt) / 1000;
report.note(`Redis is back after ${figures.outage_s.toFixed(1)} s`);
const resumed = await waitFor(limited, 15_000, 100);
const resumedMs = Date.now() - backAt;
const readyAgain = await waitFor(async () => (await rateLimiting()) === 'redis', 15_000, 250);
const readyAgainMs = Date.now() - backAt;
const after = await readinessOfAll();
const revokedAgain = await waitFor(async () => (await api('GET', '/orders?active=true&size=1', { token: revocation.token })).status === 401, 10_000, 250);
const revokedAfterMs = Date.now() - backAt;
await sleep(5000);
working = false;
await loop;
await waitFor(() => placed.every((o) => kitchen.held.has(o.id)), 15_000);

const byPhase = (list, p) => list.filter((x) => x.phase === p);
const stats = (list) => ({ count: list.length, p50_ms: Math.round(percentile(list.map((x) => x.ms), 50)),
  p99_ms: Math.round(percentile(list.map((x) => x.ms), 99)) });
Object.assign(figures, {
  orders: Object.fromEntries(['before', 'outage', 'after'].map((p) => [p, stats(byPhase(placed, p))])),
  menus: Object.fromEntries(['before', 'outage', 'after'].map((p) => [p, { ...stats(byPhase(menus, p)),
    not_200: byPhase(menus, p).filter((m) => m.status !== 200).length }])),
  failures: failures.length, kitchen_lost: placed.filter((o) => !kitchen.held.has(o.id)).length,
  kitchen_duplicated: kitchen.duplicates.length, limits_enforced_during: limitedDuring,
  limits_resumed_ms: resumed ? resumedMs : null, readiness_back_ms: readyAgain ? readyAgainMs : null,
  revocation: { ...revocation, token: undefined, refused_after_back_ms: revokedAfterMs }, login_during: duringLogin, guest_token_during: duringGuest, call_waiter_during: duringCall, readiness_during: during, readiness_after: after,
});

const outageOrders = byPhase(placed, 'outage');
await report.check(`diners kept ordering: ${placed.length} orders (${outageOrders.length} while Redis was down), none refused`, () => {
  if (failures.length) throw new Error(failures.slice(0, 3).join('\n'));
  return outageOrders.length > 0;
});
await report.check(`the menu was served every time (${byPhase(menus, 'outage').length} reads while Redis was down)`, () =>
  menus.length > 0 && menus.every((m) => m.status === 200));
await report.check(`the kitchen screen holds every order once (${placed.length})`, () => {
  if (figures.kitchen_lost) throw new Error(`${figures.kitchen_lost} orders never reached it`);
  if (kitchen.duplicates.length) throw new Error(`duplicated: ${kitchen.duplicates.join(', ')}`);
  return true;
});
await report.check(`staff could sign in (${duringLogin?.status}, ${duringLogin?.ms} ms) and a diner get a table token (${duringGuest?.status}) while Redis was down`, () =>
  duringLogin?.status === 200 || duringLogin?.status === 201 ? duringGuest?.status >= 200 && duringGuest?.status < 300 : false);
await report.check('while Redis was down every service stayed ready (an orchestrator keeps routing to it)', () => {
  const down = Object.entries(during ?? {}).filter(([, r]) => r.http !== 200);
  if (down.length) throw new Error(down.map(([n, r]) => `${n}: ${r.http} ${JSON.stringify(r.checks ?? r.status)}`).join('\n'));
  return true;
});
await report.check('the gateway\'s readiness said it was degraded (rate_limiting: fail-open) and it let requests through unlimited', () =>
  during?.gateway?.checks?.['gateway-rate-limiting']?.rate_limiting === 'fail-open' && limitedDuring === false);
await report.check('auth\'s, the restaurant\'s and the orders service\'s readiness said Redis was degraded, and connected again after', () => {
  const wrong = ['auth', 'restaurant', 'orders'].filter((n) => !String(during?.[n]?.checks?.redis?.redis).startsWith('degraded')
    || after?.[n]?.checks?.redis?.redis !== 'connected');
  if (wrong.length) throw new Error(wrong.map((n) => `${n}: during ${JSON.stringify(during?.[n]?.checks?.redis)}, after ${JSON.stringify(after?.[n]?.checks?.redis)}`).join('\n'));
  return true;
});
await report.check(`limits were enforced again ${resumedMs} ms after Redis was back (at most ${RESUME_MS / 1000} s), readiness said so after ${readyAgainMs} ms`, () =>
  Boolean(resumed) && resumedMs <= RESUME_MS && Boolean(readyAgain));
await report.check(`calling the waiter while Redis was down works (${duringCall?.status} ${duringCall?.type ?? ''})`, () => duringCall?.status === 201);
await report.check(`revocation while Redis was down is fail-open as documented: the token logged out during the outage answered ${revocation?.logged_out_token} (a valid one ${revocation?.valid_token})`,
  () => revocation?.logout === 204 || revocation?.logout === 200 ? revocation.logged_out_token === 200 && revocation.valid_token === 200
    : Promise.reject(new Error(`logout answered ${revocation?.logout}`)));
await report.check(`once Redis was back the token logged out during the outage is refused (401 after ${revokedAfterMs} ms)`,
  () => revokedAgain);

kitchen.close();
for (const order of new Set(placed.map((o) => o.id))) {
  await api('PUT', `/orders/${order}/status`, { token: waiter, body: { status: 'CANCELLED' } });
}
console.log(JSON.stringify(figures, null, 2));
await saveResult('redis-outage', figures);
report.done();
