// Drill 1 (fast): RabbitMQ stopped for 30 s and started again while diners keep ordering, with kitchen and
// session screens connected. Every order placed meanwhile must reach every kitchen screen afterwards,
// screens that stayed open as well as ones that reconnected, exactly once (by event or by resync), within
// 5 s of the broker being back. Stops the machine's RabbitMQ (run it under `tlock all`); starts it again
// in a finally and waits until it is ready. Figures: $TAVOLA_DRILL_STATE/results/broker-restart.json.
import {
  LiveScreen, api, call, demo, guestToken, login, placeOrder, plainItems, reporter, restoreOnInterrupt, run, saveResult, sleep, waitFor,
} from '../system/kit.mjs';

const OUTAGE_MS = Number(process.env.DRILL_OUTAGE_MS ?? 30_000);
const RECOVERY_MS = 5_000;
const report = reporter('broker-restart');

const data = demo();
const roma = data.restaurants.find((r) => r.name === 'Trattoria Roma') ?? data.restaurants[0];
const items = plainItems(roma);
const chef = await login(roma.chef.username, roma.chef.password);
const waiter = await login(roma.waiter.username, roma.waiter.password);
const tables = roma.tables.slice(-3);
const diners = await Promise.all(tables.map((t) => guestToken(t.qr_token)));
const sessionId = (await call('POST', '/sessions', { token: diners[0], body: {} })).id;

const kitchenPath = `/ws/kitchen/${roma.id}`;
const screens = {
  'kitchen 1 (stays open)': new LiveScreen(kitchenPath, chef),
  'kitchen 2 (stays open)': new LiveScreen(kitchenPath, waiter),
  'kitchen 3 (reconnects during the outage)': new LiveScreen(kitchenPath, chef),
};
const phones = {
  'phone 1 (stays open)': new LiveScreen(`/ws/sessions/${sessionId}`, diners[0]),
  'phone 2 (reconnects during the outage)': new LiveScreen(`/ws/sessions/${sessionId}`, diners[0]),
};
await Promise.all([...Object.values(screens), ...Object.values(phones)].map((s) => s.ready));

const placed = []; // { id, table, phase, at }
let phase = 'before';
let ordering = true;
const failures = [];
const orderingLoop = (async () => {
  for (let n = 0; ordering; n += 1) {
    const table = n % diners.length;
    try {
      const { id } = await placeOrder(diners[table], [items[n % items.length]]);
      placed.push({ id, table, phase, at: Date.now() });
    } catch (error) {
      failures.push(String(error.message ?? error));
    }
    await sleep(400);
  }
})();

let stopped = false;
let backAt = null;
let stoppedAt = null;
async function brokerBack() {
  if (!stopped) return;
  await run('rabbitmqctl', ['start_app']);
  await run('rabbitmqctl', ['await_startup']);
  stopped = false;
  backAt = Date.now();
}
restoreOnInterrupt(brokerBack);

try {
  await sleep(4000);
  report.note(`stopping RabbitMQ for ${OUTAGE_MS / 1000} s while diners order (${placed.length} orders so far)`);
  await run('rabbitmqctl', ['stop_app']);
  stopped = true;
  stoppedAt = Date.now();
  phase = 'outage';
  await sleep(OUTAGE_MS / 3);
  const leaving = [screens['kitchen 3 (reconnects during the outage)'], phones['phone 2 (reconnects during the outage)']];
  leaving.forEach((s) => s.close());
  await sleep(OUTAGE_MS / 6);
  await Promise.all(leaving.map((s) => s.connect()));
  await sleep(OUTAGE_MS - OUTAGE_MS / 3 - OUTAGE_MS / 6);
} finally {
  await brokerBack();
}
phase = 'after';
report.note(`RabbitMQ is back after ${((backAt - stoppedAt) / 1000).toFixed(1)} s`);
await sleep(8000);
ordering = false;
await orderingLoop;

const outage = placed.filter((o) => o.phase === 'outage');
const atTable = (o) => o.table === 0;
await waitFor(() => Object.values(screens).every((s) => placed.every((o) => s.held.has(o.id)))
  && Object.values(phones).every((s) => placed.filter(atTable).every((o) => s.held.has(o.id))), 15_000);

const figures = { outage_s: (backAt - stoppedAt) / 1000, placed: placed.length, placed_during_outage: outage.length,
  order_failures: failures.length, screens: {} };
await report.check(`diners kept ordering: ${placed.length} orders (${outage.length} while the broker was down), none refused`, () => {
  if (failures.length) throw new Error(failures.slice(0, 3).join('\n'));
  return outage.length > 0;
});
for (const [name, screen] of Object.entries({ ...screens, ...phones })) {
  const mine = name.startsWith('phone') ? placed.filter(atTable) : placed;
  const mineOutage = mine.filter((o) => o.phase === 'outage');
  const lost = mine.filter((o) => !screen.held.has(o.id));
  const lateness = mineOutage.map((o) => Math.max(0, screen.held.get(o.id)?.at - backAt)).filter(Number.isFinite);
  const recoveredMs = lateness.length ? Math.max(...lateness) : 0;
  figures.screens[name] = { expected: mine.length, delivered: mine.length - lost.length, lost: lost.length,
    duplicated: screen.duplicates.length, by_resync: mineOutage.filter((o) => screen.held.get(o.id)?.via === 'snapshot').length,
    snapshots: screen.snapshots, gaps_seen: screen.gaps, told_feed_down: screen.feedDowns, closed: screen.closes.length,
    recovered_ms: recoveredMs };
  await report.check(`${name}: all ${mine.length} orders, ${mineOutage.length} of the outage within ${RECOVERY_MS / 1000} s of the broker (${recoveredMs} ms), none twice`, () => {
    if (lost.length) throw new Error(`lost ${lost.length}: ${lost.slice(0, 3).map((o) => `${o.id} (${o.phase})`).join(', ')}`);
    if (screen.duplicates.length) throw new Error(`duplicated: ${screen.duplicates.join(', ')}`);
    if (recoveredMs > RECOVERY_MS) throw new Error(`the outage's orders arrived ${recoveredMs} ms after the broker was back`);
    if (name.includes('stays open') && screen.closes.length) throw new Error(`closed ${JSON.stringify(screen.closes)}`);
    return true;
  });
}
await report.check('screens that stayed open were told the feed was down, then resynced', () =>
  ['kitchen 1 (stays open)', 'kitchen 2 (stays open)'].every((n) => screens[n].feedDowns > 0 && screens[n].snapshots >= 2));

for (const s of [...Object.values(screens), ...Object.values(phones)]) s.close();
// leave the board as it was: the drill's tables' tabs are cancelled with their orders
for (const order of new Set(placed.map((o) => o.id))) {
  await api('PUT', `/orders/${order}/status`, { token: waiter, body: { status: 'CANCELLED' } });
}
console.log(JSON.stringify(figures, null, 2));
await saveResult('broker-restart', figures);
report.done();
