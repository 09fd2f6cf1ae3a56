// Drill 5: two gateway replicas, one killed (SIGKILL) while diners order. The other replica's screens
// keep receiving every order; the killed one's clients reconnect to the other, get their snapshot and so
// every order, none twice; the killed replica's queues are deleted by the broker once their expiry
// passes. Starts the second replica itself (port TAVOLA_DRILL_BASE+5) and stops it in any case.
// Figures: $TAVOLA_DRILL_STATE/results/gateway-replicas.json.
import { spawn } from 'node:child_process';
import { openSync } from 'node:fs';
import {
  LiveScreen, baseUrl, call, demo, guestToken, login, placeOrder, plainItems, reporter, run, saveResult, sleep, waitFor,
} from '../system/kit.mjs';

const report = reporter('gateway-replicas');
const state = process.env.TAVOLA_DRILL_STATE ?? 'var/drills';
const port = Number(process.env.TAVOLA_DRILL_BASE ?? 19400) + 5;
const second = `http://localhost:${port}`;
// its health and metrics on the management interface, port + 1000 (loopback), as start_stack does
const secondManagement = `http://127.0.0.1:${port + 1000}`;
const vhost = process.env.RABBITMQ_VHOST ?? 'tavola_drills';
const EXPIRY_S = 10;

const liveQueues = async () => (await run('rabbitmqctl', ['-q', 'list_queues', '-p', vhost, 'name']))
  .split('\n').map((l) => l.trim()).filter((l) => l.startsWith('tavola.gateway.live.'));
const before = new Set(await liveQueues());

const heap = (process.env.TAVOLA_JAVA_HEAP ?? '-Xmx256m').split(' ').filter(Boolean);
const replica = spawn('java', [...heap, '-jar', 'gateway/target/quarkus-app/quarkus-run.jar'], {
  env: { ...process.env, PORT: String(port), MANAGEMENT_PORT: String(port + 1000), LIVE_QUEUE_EXPIRY: `${EXPIRY_S}s` },
  stdio: ['ignore', openSync(`${state}/log/gateway-b.log`, 'w'), 'inherit'],
});
const killReplica = () => { if (replica.exitCode === null) replica.kill('SIGKILL'); };
process.on('exit', killReplica);

try {
  const up = await waitFor(async () => (await fetch(`${secondManagement}/q/health/ready`).catch(() => null))?.ok, 60_000, 500);
  if (!up) throw new Error(`the second gateway did not become ready on :${port} (${state}/log/gateway-b.log)`);
  const secondQueues = (await liveQueues()).filter((q) => !before.has(q));
  report.note(`second gateway ready on :${port} with queues ${secondQueues.join(', ')}`);

  const data = demo();
  const roma = data.restaurants.find((r) => r.name === 'Trattoria Roma') ?? data.restaurants[0];
  const items = plainItems(roma);
  const chef = await login(roma.chef.username, roma.chef.password);
  const waiter = await login(roma.waiter.username, roma.waiter.password);
  const tables = roma.tables.slice(0, 2);
  const diners = await Promise.all(tables.map((t) => guestToken(t.qr_token)));
  const sessionId = (await call('POST', '/sessions', { token: diners[0], body: {} })).id;
  const kitchen = `/ws/kitchen/${roma.id}`;
  const onA = { kitchen: new LiveScreen(kitchen, chef, baseUrl), phone: new LiveScreen(`/ws/sessions/${sessionId}`, diners[0], baseUrl) };
  const onB = { kitchen: new LiveScreen(kitchen, waiter, second), phone: new LiveScreen(`/ws/sessions/${sessionId}`, diners[0], second) };
  const all = [...Object.values(onA), ...Object.values(onB)];
  await Promise.all(all.map((s) => s.ready));

  const placed = [];
  let ordering = true;
  let phase = 'both';
  const orderingLoop = (async () => {
    for (let n = 0; ordering; n += 1) {
      const table = n % diners.length;
      const { id } = await placeOrder(diners[table], [items[n % items.length]]);
      placed.push({ id, table, phase });
      await sleep(300);
    }
  })();
  await sleep(3000);
  replica.kill('SIGKILL');
  const killedAt = Date.now();
  phase = 'one';
  // the killed replica's clients notice the closed socket and reconnect to the other, as behind a load balancer
  const reconnectedMs = {};
  await Promise.all(Object.entries(onB).map(async ([name, screen]) => {
    await waitFor(() => screen.closes.length > 0, 10_000, 50);
    await sleep(500);
    await screen.reconnect(baseUrl);
    reconnectedMs[name] = Date.now() - killedAt;
  }));
  await sleep(4000);
  ordering = false;
  await orderingLoop;
  const atTable = (o) => o.table === 0;
  await waitFor(() => all.every((s) => (s.scope === 'kitchen' ? placed : placed.filter(atTable)).every((o) => s.held.has(o.id))), 10_000);

  const figures = { placed: placed.length, placed_after_kill: placed.filter((o) => o.phase === 'one').length, screens: {} };
  for (const [replicaName, screensOf] of [['A (kept)', onA], ['B (killed)', onB]]) {
    for (const [name, screen] of Object.entries(screensOf)) {
      const mine = screen.scope === 'kitchen' ? placed : placed.filter(atTable);
      const lost = mine.filter((o) => !screen.held.has(o.id));
      const label = `${name} on ${replicaName}`;
      figures.screens[label] = { expected: mine.length, delivered: mine.length - lost.length, lost: lost.length,
        duplicated: screen.duplicates.length, snapshots: screen.snapshots, closed: screen.closes.length,
        reconnected_ms: replicaName.startsWith('B') ? reconnectedMs[name] : null };
      await report.check(`${label}: all ${mine.length} orders, none twice${replicaName.startsWith('A') ? ', never closed' : `, reconnected to the other in ${reconnectedMs[name]} ms`}`, () => {
        if (lost.length) throw new Error(`lost ${lost.length}`);
        if (screen.duplicates.length) throw new Error(`duplicated ${screen.duplicates.length}`);
        if (replicaName.startsWith('A') && screen.closes.length) throw new Error('closed');
        if (replicaName.startsWith('B') && screen.snapshots < 2) throw new Error('no snapshot after reconnecting');
        return true;
      });
    }
  }
  const gone = await waitFor(async () => {
    const now = await liveQueues();
    return secondQueues.every((q) => !now.includes(q));
  }, (EXPIRY_S + 20) * 1000, 1000);
  figures.queues_expired_after_s = gone ? Math.round((Date.now() - killedAt) / 1000) : null;
  await report.check(`the killed replica's ${secondQueues.length} queues are gone after their ${EXPIRY_S} s expiry`, () => gone && secondQueues.length === 3);
  all.forEach((s) => s.close());
  for (const order of placed) await call('PUT', `/orders/${order.id}/status`, { token: waiter, body: { status: 'CANCELLED' } }, [200, 409]);
  console.log(JSON.stringify(figures, null, 2));
  await saveResult('gateway-replicas', figures);
} catch (error) {
  await report.check('the drill ran', () => { throw error; });
} finally {
  killReplica();
}
report.done();
