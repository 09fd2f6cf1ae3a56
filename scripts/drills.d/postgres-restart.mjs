// Drill 3 (fast, about 30 s): PostgreSQL stopped for a while and started again while diners order and
// screens poll. Every request during the outage must be answered within 2 s (no hangs), with a 503
// problem+json carrying
// Retry-After where the answer needed the database (or a 2xx where it did not: the public menu's cache);
// the services must recover without a restart; no order may be half written (every order has its items,
// its first status and its order.created event; every Idempotency-Key points at a whole order). Stops the
// machine's PostgreSQL (run it under `tlock all`); starts it again in a finally and waits until it is
// ready. Figures: $TAVOLA_DRILL_STATE/results/postgres-restart.json.
import { randomUUID } from 'node:crypto';
import {
  api, demo, guestToken, login, percentile, plainItems, reporter, restoreOnInterrupt, run, saveResult, sleep,
} from '../system/kit.mjs';

const OUTAGE_MS = Number(process.env.DRILL_OUTAGE_MS ?? 10_000);
const ANSWER_WITHIN_MS = 2_000;
const CLUSTER = (process.env.DRILL_PG_CLUSTER ?? '15 main').split(' ');
const DB = process.env.DB_NAME ?? 'tavola_drills';
const report = reporter('postgres-restart');

const data = demo();
const roma = data.restaurants.find((r) => r.name === 'Trattoria Roma') ?? data.restaurants[0];
const items = plainItems(roma);
const chef = await login(roma.chef.username, roma.chef.password);
const diners = await Promise.all(roma.tables.slice(-3).map((t) => guestToken(t.qr_token)));
const startedAt = new Date().toISOString();

// How to stop and start the server: this machine's cluster, or what DRILL_PG_STOP / DRILL_PG_START say
// (CI's PostgreSQL is a service container: `docker stop <id>` / `docker start <id>`).
const pg = (action) => {
  const command = process.env[action === 'stop' ? 'DRILL_PG_STOP' : 'DRILL_PG_START'];
  if (command) return run('sh', ['-c', command]);
  return run('pg_ctlcluster', ['--skip-systemctl-redirect', ...CLUSTER, action, ...(action === 'stop' ? ['--', '-m', 'fast'] : [])]);
};
const pgReady = async () => { try { await run('pg_isready', ['-q', '-h', '127.0.0.1', '-t', '1']); return true; } catch { return false; } };
const sql = async (query) => (await run('psql', ['-X', '-A', '-t', '-h', '127.0.0.1', '-U', process.env.DB_USER ?? 'tavola',
  '-d', DB, '-c', query], { env: { ...process.env, PGPASSWORD: process.env.DB_PASSWORD ?? 'tavola' } })).trim();

// every exchange: what, when it started and ended, status, whether it was a proper 503
const exchanges = [];
async function exchange(what, method, path, options) {
  const start = Date.now();
  let answer;
  try {
    answer = await api(method, path, { ...options, timeoutMs: 10_000 });
  } catch (error) {
    answer = { status: 0, headers: new Headers(), text: String(error) };
  }
  const end = Date.now();
  const problem = (answer.headers.get('content-type') ?? '').startsWith('application/problem+json');
  exchanges.push({ what, start, end, ms: end - start, status: answer.status,
    proper503: answer.status === 503 && problem && answer.headers.get('retry-after') !== null });
  return answer;
}

// diners order (each order one Idempotency-Key, retried on a 5xx or no answer, as the web app does)
const placed = [];
const gaveUp = [];
let running = true;
const ordering = diners.map(async (token, d) => {
  for (let n = 0; running; n += 1) {
    const key = randomUUID();
    const body = { type: 'dine_in', items: [{ menu_item_id: items[(n + d) % items.length].id, quantity: 1, modifier_option_ids: [] }] };
    let done = false;
    for (let attempt = 0; attempt < 60 && !done && (running || attempt > 0); attempt += 1) {
      const answer = await exchange('place an order', 'POST', '/orders', { token, body, headers: { 'Idempotency-Key': key } });
      if (answer.status === 201) { placed.push(answer.body.id); done = true; } else if (answer.status < 500 && answer.status !== 0) break;
      else await sleep(500);
    }
    if (!done) gaveUp.push(key);
    await sleep(300);
  }
});
// screens and phones poll what they show
const polling = [
  ['a guest reads the table session', 'GET', '/sessions/current', { token: diners[0] }],
  ['the kitchen reads its board', 'GET', `/orders?restaurant_id=${roma.id}&active=true&size=100`, { token: chef }],
  ['a diner reads the public menu', 'GET', `/restaurants/${roma.id}/menu`, {}],
  ['a diner scans a QR code', 'POST', '/auth/guest', { body: { qr_token: roma.tables[0].qr_token } }],
  ['staff log in', 'POST', '/auth/login', { body: { username: roma.chef.username, password: roma.chef.password } }],
].map(async ([what, method, path, options]) => {
  while (running) {
    await exchange(what, method, path, options);
    await sleep(250);
  }
});

let stoppedAt = null;
let startedAgainAt = null;
let readyAt = null;
async function postgresBack() {
  if (stoppedAt === null || readyAt !== null) return;
  startedAgainAt = Date.now();
  await pg('start');
  while (!(await pgReady())) await sleep(200);
  readyAt = Date.now();
}
restoreOnInterrupt(postgresBack);

try {
  await sleep(4000);
  report.note(`stopping PostgreSQL for ${OUTAGE_MS / 1000} s while diners order (${placed.length} orders so far)`);
  await pg('stop');
  stoppedAt = Date.now();
  await sleep(OUTAGE_MS);
} finally {
  await postgresBack();
}
report.note(`PostgreSQL ready again ${((readyAt - stoppedAt) / 1000).toFixed(1)} s after it stopped`);
// recovery: how soon after PostgreSQL is ready each kind of request succeeds again
await sleep(10_000);
running = false;
await Promise.all([...ordering, ...polling]);

const during = exchanges.filter((e) => e.start >= stoppedAt + 500 && e.end <= startedAgainAt);
const kinds = [...new Set(exchanges.map((e) => e.what))];
const figures = { outage_s: (readyAt - stoppedAt) / 1000, requests: exchanges.length, during_outage: during.length,
  orders_placed: placed.length, orders_given_up: gaveUp.length, by_kind: {} };
for (const what of kinds) {
  const mine = during.filter((e) => e.what === what);
  const recovered = exchanges.find((e) => e.what === what && e.start >= readyAt && e.status >= 200 && e.status < 300);
  figures.by_kind[what] = {
    during_outage: mine.length,
    statuses: mine.reduce((acc, e) => ({ ...acc, [e.status]: (acc[e.status] ?? 0) + 1 }), {}),
    p99_ms: percentile(mine.map((e) => e.ms), 99),
    max_ms: mine.length ? Math.max(...mine.map((e) => e.ms)) : 0,
    first_success_after_ready_ms: recovered ? recovered.end - readyAt : null,
  };
}
await report.check(`${during.length} requests during the outage, each answered within ${ANSWER_WITHIN_MS / 1000} s: a 503 problem+json with Retry-After, or served without the database`, () => {
  const slow = during.filter((e) => e.ms > ANSWER_WITHIN_MS);
  const wrong = during.filter((e) => !(e.proper503 || (e.status >= 200 && e.status < 300)));
  if (slow.length) throw new Error(`slow: ${slow.slice(0, 5).map((e) => `${e.what} ${e.ms} ms (${e.status})`).join(', ')}`);
  if (wrong.length) throw new Error(`not a proper 503: ${wrong.slice(0, 5).map((e) => `${e.what} ${e.status}`).join(', ')}`);
  return during.length > 0;
});
await report.check('no answer was a 500 (or another 5xx than 503), before, during or after', () => {
  const bad = exchanges.filter((e) => e.status >= 500 && e.status !== 503);
  if (bad.length) throw new Error(bad.slice(0, 5).map((e) => `${e.what} ${e.status}`).join(', '));
  return true;
});
await report.check('every kind of request succeeds again without restarting a service', () => {
  const stuck = Object.entries(figures.by_kind).filter(([, f]) => f.first_success_after_ready_ms === null);
  if (stuck.length) throw new Error(`never recovered: ${stuck.map(([k]) => k).join(', ')}`);
  return true;
});
await report.check(`diners' retried orders all went through: ${placed.length} placed, none given up`, () => gaveUp.length === 0);

const [halfOrders, noHistory, noEvent, danglingKeys, drillOrders] = await Promise.all([
  sql(`select count(*) from orders.customer_order o where o.created_at >= '${startedAt}' and not exists (select 1 from orders.order_item i where i.order_id = o.id)`),
  sql(`select count(*) from orders.customer_order o where o.created_at >= '${startedAt}' and not exists (select 1 from orders.order_status_change c where c.order_id = o.id)`),
  sql(`select count(*) from orders.customer_order o where o.created_at >= '${startedAt}' and not exists (select 1 from orders.outbox_event e where e.type = 'order.created' and e.payload::text like '%' || o.id || '%')`),
  sql(`select count(*) from orders.idempotency_key k where k.created_at >= '${startedAt}' and not exists (select 1 from orders.customer_order o where o.id = k.order_id)`),
  sql(`select count(*) from orders.customer_order o where o.created_at >= '${startedAt}' and o.restaurant_id = '${roma.id}'`),
]);
Object.assign(figures, { orders_in_database: Number(drillOrders), orders_without_items: Number(halfOrders),
  orders_without_status: Number(noHistory), orders_without_event: Number(noEvent), keys_without_order: Number(danglingKeys) });
await report.check(`no half-written order: ${drillOrders} in the database for ${new Set(placed).size} placed, each with its items, first status and event`, () => {
  if ([halfOrders, noHistory, noEvent, danglingKeys].some((n) => Number(n) !== 0)) {
    throw new Error(`without items ${halfOrders}, without status ${noHistory}, without event ${noEvent}, keys without order ${danglingKeys}`);
  }
  return Number(drillOrders) === new Set(placed).size;
});

// leave the board as it was
for (const id of new Set(placed)) await api('PUT', `/orders/${id}/status`, { token: chef, body: { status: 'CANCELLED' } });
console.log(JSON.stringify(figures, null, 2));
await saveResult('postgres-restart', figures);
report.done();
