// Drill 4: the orders service SIGKILLed while diners order, then started again. Clients retry with their
// Idempotency-Keys as the web app does (a network error or a 5xx is retried with the same key), so an
// order whose answer was lost with the process is answered again, not placed twice: 0 lost, 0
// duplicated, no half-written order, the outbox drained, and the open kitchen screen holds every order
// once. Restarts orders itself (same environment, port TAVOLA_DRILL_BASE+4) and records its new pid for
// scripts/drills to stop. Figures: $TAVOLA_DRILL_STATE/results/orders-kill.json.
import { spawn } from 'node:child_process';
import { openSync, readFileSync, writeFileSync } from 'node:fs';
import {
  LiveScreen, api, demo, guestToken, idempotencyKey, login, percentile, plainItems, reporter, run, saveResult, sleep, waitFor,
} from '../system/kit.mjs';

const report = reporter('orders-kill');
const state = process.env.TAVOLA_DRILL_STATE ?? 'var/drills';
const port = Number(process.env.TAVOLA_DRILL_BASE ?? 19400) + 4;
const management = `http://127.0.0.1:${port + 1000}`;
const CLIENTS = 8;
const GIVE_UP_MS = 60_000; // a diner's phone keeps retrying this long before it shows an error

const sql = async (query) => (await run('psql', ['-X', '-qAt', '-h', process.env.DB_HOST ?? '127.0.0.1',
  '-U', process.env.DB_USER ?? 'tavola', '-d', process.env.DB_NAME ?? 'tavola_drills', '-c', query],
{ env: { ...process.env, PGPASSWORD: process.env.DB_PASSWORD ?? 'tavola' } })).trim();

const data = demo();
const roma = data.restaurants.find((r) => r.name === 'Trattoria Roma') ?? data.restaurants[0];
const items = plainItems(roma);
const chef = await login(roma.chef.username, roma.chef.password);
const tables = roma.tables.slice(0, CLIENTS);
const diners = await Promise.all(tables.map((t) => guestToken(t.qr_token)));
const kitchen = new LiveScreen(`/ws/kitchen/${roma.id}`, chef);
await kitchen.ready;
const since = await sql('select now()');

/** One order as a phone places it: one key, retried until an answer or GIVE_UP_MS. */
async function placeWithRetries(token, item) {
  const key = idempotencyKey();
  const started = Date.now();
  const answers = [];
  for (let attempt = 1; ; attempt += 1) {
    let status;
    try {
      const answer = await api('POST', '/orders', { token, headers: { 'Idempotency-Key': key }, timeoutMs: 5_000,
        body: { type: 'dine_in', items: [{ menu_item_id: item.id, quantity: 1, modifier_option_ids: [] }] } });
      status = answer.status;
      answers.push(status);
      if (status === 201 || status === 200) return { key, id: answer.body.id, attempts: attempt, ms: Date.now() - started, answers };
      if (status < 500) return { key, id: null, attempts: attempt, ms: Date.now() - started, answers, refused: answer.text.slice(0, 200) };
    } catch (error) {
      answers.push(`network: ${String(error?.cause?.code ?? error?.name ?? error)}`);
    }
    if (Date.now() - started > GIVE_UP_MS) return { key, id: null, attempts: attempt, ms: Date.now() - started, answers };
    await sleep(Math.min(2000, 200 * attempt));
  }
}

const placed = []; // { key, id, attempts, ms, answers, phase }
let ordering = true;
let phase = 'before';
const clients = diners.map((token, n) => (async () => {
  for (let i = 0; ordering; i += 1) {
    const result = await placeWithRetries(token, items[(n + i) % items.length]);
    placed.push({ ...result, table: n, phase });
    await sleep(150);
  }
})());

await sleep(3000);
const pidFile = `${state}/run/orders.pid`;
const oldPid = Number(readFileSync(pidFile, 'utf8').trim());
process.kill(oldPid, 'SIGKILL');
const killedAt = Date.now();
phase = 'killed';
report.note(`orders (pid ${oldPid}) killed with SIGKILL after ${placed.length} orders`);
await sleep(2000);

const heap = (process.env.TAVOLA_JAVA_HEAP ?? '-Xmx256m').split(' ').filter(Boolean);
const restarted = spawn('java', [...heap, '-jar', 'orders/target/quarkus-app/quarkus-run.jar'], {
  env: { ...process.env, PORT: String(port), MANAGEMENT_PORT: String(port + 1000) },
  stdio: ['ignore', openSync(`${state}/log/orders-restarted.log`, 'w'), 'inherit'],
  detached: true,
});
restarted.unref();
writeFileSync(pidFile, `${restarted.pid}\n`); // scripts/drills' stop_stack stops this one
const ready = await waitFor(async () => (await fetch(`${management}/q/health/ready`).catch(() => null))?.ok, 90_000, 250);
const readyMs = Date.now() - killedAt;
phase = 'after';
report.note(`orders started again (pid ${restarted.pid}), ready ${(readyMs / 1000).toFixed(1)} s after the kill`);
await sleep(5000);
ordering = false;
await Promise.all(clients);

const succeeded = placed.filter((p) => p.id);
const ids = succeeded.map((p) => p.id);
const retried = placed.filter((p) => p.attempts > 1);
const inOutage = placed.filter((p) => p.phase === 'killed');

const rows = (await sql(`select o.id, count(i.id) from orders.customer_order o left join orders.order_item i on i.order_id = o.id
  where o.restaurant_id = '${roma.id}' and o.created_at >= '${since}' and o.table_id in (${tables.map((t) => `'${t.id}'`).join(',')})
  group by o.id`)).split('\n').filter(Boolean).map((line) => line.split('|'));
const stored = new Map(rows.map(([id, count]) => [id, Number(count)]));
const lost = ids.filter((id) => !stored.has(id));
const unasked = [...stored.keys()].filter((id) => !ids.includes(id)); // an order no client was answered: a duplicate
const halfWritten = [...stored.entries()].filter(([, count]) => count === 0).map(([id]) => id);
const drained = await waitFor(async () => (await sql(`select count(*) from orders.outbox_event where sent_at is null`)) === '0', 20_000, 250);
const unsent = Number(await sql(`select count(*) from orders.outbox_event where sent_at is null`));
await waitFor(() => ids.every((id) => kitchen.held.has(id)), 15_000);
const onScreen = ids.filter((id) => kitchen.held.has(id)).length;

await report.check(`every order a phone tried was placed in the end (${succeeded.length} of ${placed.length}; ${inOutage.length} begun while orders was down, ${retried.length} retried)`,
  () => succeeded.length === placed.length || Promise.reject(new Error(JSON.stringify(placed.filter((p) => !p.id).slice(0, 3)))));
await report.check(`0 lost: every order answered 201 is stored (${lost.length} missing)`, () => lost.length === 0);
await report.check(`0 duplicated: one stored order per Idempotency-Key (${stored.size} stored for ${new Set(ids).size} keys answered, ${unasked.length} extra)`,
  () => unasked.length === 0 && new Set(ids).size === succeeded.length);
await report.check(`no half-written order (${halfWritten.length} without items)`, () => halfWritten.length === 0);
await report.check(`the outbox drained after the restart (${unsent} unsent)`, () => drained);
await report.check(`the open kitchen screen holds every order once (${onScreen} of ${ids.length}, ${kitchen.duplicates.length} twice)`,
  () => onScreen === ids.length && kitchen.duplicates.length === 0);
await report.check(`orders was ready again within 60 s of the kill (${(readyMs / 1000).toFixed(1)} s)`, () => ready && readyMs < 60_000);

const retriedMs = retried.map((p) => p.ms);
await saveResult('orders-kill', {
  placed: placed.length, succeeded: succeeded.length, stored: stored.size, lost: lost.length, duplicated: unasked.length,
  half_written: halfWritten.length, begun_while_down: inOutage.length, retried: retried.length,
  ready_after_kill_ms: readyMs, unsent_after: unsent, on_screen: onScreen,
  retried_order_ms: { p50: percentile(retriedMs, 50), max: Math.max(0, ...retriedMs) },
  answers_seen: [...new Set(placed.flatMap((p) => p.answers.map(String)))],
});
kitchen.close();
report.done();
process.exit();
