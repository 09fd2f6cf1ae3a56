// Drill 6 (soak): SOAK_MINUTES (10) at a steady order rate with 200 live sockets (150 kitchen screens of
// two restaurants, 50 phones at five tables). Every 30 s it samples the gateway's and the orders
// service's RSS and heap (jstat) and the window's p99s (placing an order; order to kitchen screen). The
// promise: heap, RSS and p99 stay flat, every order reaches every screen of its restaurant once, and
// every socket is still open at the end. Figures: $TAVOLA_DRILL_STATE/results/soak.json (and a table).
import { readFileSync } from 'node:fs';
import {
  LiveScreen, api, call, demo, guestToken, login, percentile, placeOrder, plainItems, reporter, run, saveResult, sleep,
} from '../system/kit.mjs';

const report = reporter('soak');
const state = process.env.TAVOLA_DRILL_STATE ?? 'var/drills';
const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
const WINDOW_MS = Number(process.env.SOAK_WINDOW_MS ?? 30_000);
const ORDERS_PER_S = Number(process.env.SOAK_ORDERS_PER_S ?? 4);

const data = demo();
const [roma, copper] = [data.restaurants.find((r) => r.name === 'Trattoria Roma'), data.restaurants.find((r) => r.name === 'The Copper Pot')];
const staff = {};
for (const r of [roma, copper]) {
  staff[r.id] = { chef: await login(r.chef.username, r.chef.password), waiter: await login(r.waiter.username, r.waiter.password) };
}
// five tables of Roma with a tab each (phones watch them), two of Copper
const tables = [];
for (const [r, count] of [[roma, 5], [copper, 2]]) {
  for (const table of r.tables.slice(0, count)) {
    const token = await guestToken(table.qr_token);
    const session = (await call('POST', '/sessions', { token, body: {} })).id;
    tables.push({ restaurant: r, token, session, items: plainItems(r) });
  }
}
const kitchens = [];
for (let i = 0; i < 150; i += 1) {
  const r = i < 100 ? roma : copper;
  kitchens.push({ restaurant: r.id, screen: new LiveScreen(`/ws/kitchen/${r.id}`, staff[r.id].chef) });
}
const phones = [];
for (let i = 0; i < 50; i += 1) {
  const table = tables[i % 5];
  phones.push({ session: table.session, screen: new LiveScreen(`/ws/sessions/${table.session}`, table.token) });
}
await Promise.all([...kitchens, ...phones].map((s) => s.screen.ready));
report.note(`${kitchens.length + phones.length} sockets open; ordering ${ORDERS_PER_S}/s for ${MINUTES} min`);

const pidOf = (service) => readFileSync(`${state}/run/${service}.pid`, 'utf8').trim();
async function memory(service) {
  const pid = pidOf(service);
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]);
  const [head, values] = (await run('jstat', ['-gc', pid])).trim().split('\n').map((l) => l.trim().split(/\s+/));
  const gc = Object.fromEntries(head.map((h, i) => [h, Number(values[i])]));
  return { rss_mb: Math.round(rssKb / 1024), heap_mb: Math.round((gc.S0U + gc.S1U + gc.EU + gc.OU) / 1024),
    old_mb: Math.round(gc.OU / 1024) };
}

const placed = []; // { id, restaurant, session, startedAt, ms }
const failures = [];
const watched = kitchens[0].screen; // a Roma kitchen screen: its arrival times give the delivery latency
const started = Date.now();
const end = started + MINUTES * 60_000;
const samples = [];
let windowStart = started;
let windowFirst = 0;
const sample = async () => {
  const mine = placed.slice(windowFirst);
  windowFirst = placed.length;
  const delivery = mine.filter((o) => o.restaurant === roma.id && watched.held.get(o.id)?.via === 'event')
    .map((o) => watched.held.get(o.id).at - o.startedAt);
  const row = { minute: Number(((Date.now() - started) / 60_000).toFixed(1)), orders: mine.length,
    place_p50_ms: Math.round(percentile(mine.map((o) => o.ms), 50)), place_p99_ms: Math.round(percentile(mine.map((o) => o.ms), 99)),
    delivery_p99_ms: Math.round(percentile(delivery, 99)),
    gateway: await memory('gateway'), orders_service: await memory('orders'),
    open_sockets: [...kitchens, ...phones].filter((s) => s.screen.open).length };
  samples.push(row);
  report.note(JSON.stringify(row));
};

let n = 0;
const interval = 1000 / ORDERS_PER_S;
const cancels = [];
while (Date.now() < end) {
  const table = tables[n % tables.length];
  const item = table.items[n % table.items.length];
  const startedAt = Date.now();
  placeOrder(table.token, [item]).then(({ id, ms }) => {
    placed.push({ id, restaurant: table.restaurant.id, session: table.session, startedAt, ms });
    // off the board again a few seconds later, as the kitchen would
    cancels.push(sleep(3000).then(() => api('PUT', `/orders/${id}/status`, { token: staff[table.restaurant.id].waiter,
      body: { status: 'CANCELLED' } })));
  }, (error) => failures.push(String(error.message ?? error)));
  n += 1;
  if (Date.now() - windowStart >= WINDOW_MS) {
    windowStart = Date.now();
    await sample();
  }
  await sleep(Math.max(0, startedAt + interval - Date.now()));
}
await sleep(5000);
await Promise.all(cancels);
await sample();

const lost = { kitchen: 0, phone: 0 };
const deliveries = {
  kitchen: kitchens.reduce((sum, k) => sum + placed.filter((o) => o.restaurant === k.restaurant).length, 0),
  phone: phones.reduce((sum, p) => sum + placed.filter((o) => o.session === p.session).length, 0),
};
const duplicated = [...kitchens, ...phones].reduce((sum, s) => sum + s.screen.duplicates.length, 0);
for (const k of kitchens) lost.kitchen += placed.filter((o) => o.restaurant === k.restaurant && !k.screen.held.has(o.id)).length;
for (const p of phones) lost.phone += placed.filter((o) => o.session === p.session && !p.screen.held.has(o.id)).length;
const open = [...kitchens, ...phones].filter((s) => s.screen.open && s.screen.closes.length === 0).length;
const warm = samples.slice(2, 5);
const last = samples.slice(-3);
const mean = (rows, pick) => rows.reduce((sum, r) => sum + pick(r), 0) / rows.length;
const flat = (pick, allowance) => mean(last, pick) <= mean(warm, pick) * (1 + allowance.ratio) + allowance.plus;
const verdicts = {
  gateway_rss: flat((r) => r.gateway.rss_mb, { ratio: 0.15, plus: 16 }),
  gateway_old_gen: flat((r) => r.gateway.old_mb, { ratio: 0.3, plus: 16 }),
  orders_rss: flat((r) => r.orders_service.rss_mb, { ratio: 0.15, plus: 16 }),
  place_p99: flat((r) => r.place_p99_ms, { ratio: 1, plus: 20 }),
  delivery_p99: flat((r) => r.delivery_p99_ms, { ratio: 1, plus: 20 }),
};
const figures = { minutes: MINUTES, orders_per_s: ORDERS_PER_S, sockets: kitchens.length + phones.length, placed: placed.length,
  failures: failures.length, deliveries, lost, duplicated, open_at_end: open, verdicts, samples };

await report.check(`${placed.length} orders placed, none refused`, () => {
  if (failures.length) throw new Error(failures.slice(0, 3).join('\n'));
  return true;
});
await report.check(`every order reached every screen of its restaurant or table (lost: ${lost.kitchen} kitchen, ${lost.phone} phone deliveries), none twice (${duplicated})`,
  () => lost.kitchen === 0 && lost.phone === 0 && duplicated === 0);
await report.check(`all ${kitchens.length + phones.length} sockets still open (${open})`, () => open === kitchens.length + phones.length);
for (const [name, ok] of Object.entries(verdicts)) {
  await report.check(`${name.replace('_', ' ')} flat (last three samples against minutes 1-2.5)`, () => ok);
}
[...kitchens, ...phones].forEach((s) => s.screen.close());
console.log('| minute | orders | place p50 ms | place p99 ms | order→screen p99 ms | gateway RSS MB | gateway heap MB | gateway old gen MB | orders RSS MB | orders heap MB | open sockets |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of samples) {
  console.log(`| ${r.minute} | ${r.orders} | ${r.place_p50_ms} | ${r.place_p99_ms} | ${r.delivery_p99_ms} | ${r.gateway.rss_mb} | ${r.gateway.heap_mb} | ${r.gateway.old_mb} | ${r.orders_service.rss_mb} | ${r.orders_service.heap_mb} | ${r.open_sockets} |`);
}
await saveResult('soak', figures);
report.done();
