// The trace check of scripts/e2e (issue 16): one diner's order is ONE trace, from the gateway through orders,
// restaurant's price lookup and the outbox relay's publish to the gateway's live consumer and the customers
// consumer, with every parent link intact. The services export to scripts/system/otlp-receiver.mjs.
// Orders prices from its copy of the restaurant's price book while the menu version holds, so the chef
// first marks the pizza available (a change: a new version), and the traced order reads a new book.
//   TAVOLA_BASE_URL, SPANS_FILE, GUEST (a guest token), CHEF (its restaurant's chef), ROMA (the restaurant),
//   PIZZA, LARGE (menu item and option ids)
//   node trace-check.mjs              places the order and checks its trace
//   node trace-check.mjs --self-test  the checker flags a broken parent link and a missing step
import { readFileSync } from 'node:fs';
import { randomBytes, randomUUID } from 'node:crypto';

/** The steps the trace must hold, each a predicate on a span. */
export const STEPS = {
  'gateway receives the order': (s) => s.service === 'gateway' && s.kind === 'SERVER',
  'orders places it': (s) => s.service === 'orders' && s.kind === 'SERVER',
  'orders asks restaurant for prices': (s) => s.service === 'orders' && s.kind === 'CLIENT',
  'restaurant answers the price lookup': (s) => s.service === 'restaurant' && s.kind === 'SERVER',
  'the outbox relay publishes the event': (s) => s.service === 'orders' && s.kind === 'PRODUCER',
  "the gateway's live feed consumes it": (s) => s.service === 'gateway' && s.kind === 'CONSUMER',
  'the customers consumer consumes it': (s) => s.service === 'customers' && s.kind === 'CONSUMER',
};

/** What is wrong with the spans of one trace whose root's parent is rootParent: [] when nothing. */
export function problems(spans, rootParent) {
  const ids = new Set(spans.map((s) => s.spanId));
  const found = [];
  for (const [step, matches] of Object.entries(STEPS)) {
    if (!spans.some(matches)) found.push(`missing: ${step}`);
  }
  for (const s of spans) {
    if (s.parentSpanId !== rootParent && !ids.has(s.parentSpanId)) {
      found.push(`broken parent link: ${s.service} '${s.name}' names parent ${s.parentSpanId}, not in the trace`);
    }
  }
  return found;
}

function spansOf(file, traceId) {
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line))
    .filter((span) => span.traceId === traceId);
}

async function check() {
  const base = process.env.TAVOLA_BASE_URL.replace(/\/$/, '');
  const traceId = randomBytes(16).toString('hex'), clientSpan = randomBytes(8).toString('hex');
  const changed = await fetch(`${base}/api/v1/restaurants/${process.env.ROMA}/menu-items/${process.env.PIZZA}/availability`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${process.env.CHEF}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ is_available: true }),
  });
  if (changed.status !== 200) throw new Error(`the chef could not change the menu: ${changed.status} ${await changed.text()}`);
  const response = await fetch(`${base}/api/v1/orders`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${process.env.GUEST}`, 'Content-Type': 'application/json',
      'Idempotency-Key': randomUUID(), traceparent: `00-${traceId}-${clientSpan}-01`,
    },
    body: JSON.stringify({ type: 'dine_in', items: [{ menu_item_id: process.env.PIZZA, quantity: 1, modifier_option_ids: [process.env.LARGE] }] }),
  });
  if (response.status !== 201) throw new Error(`the order was not placed: ${response.status} ${await response.text()}`);
  let spans = [], found = [];
  for (const deadline = Date.now() + 20_000; Date.now() < deadline;) {
    spans = spansOf(process.env.SPANS_FILE, traceId);
    found = problems(spans, clientSpan);
    if (found.length === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  console.log(`trace ${traceId}: ${spans.length} spans`);
  for (const s of spans) console.log(`  ${s.service.padEnd(10)} ${s.kind.padEnd(8)} ${s.name}`);
  if (found.length) {
    found.forEach((p) => console.log(`FAIL ${p}`));
    process.exit(1);
  }
}

function selfTest() {
  const span = (service, kind, spanId, parentSpanId) => ({ service, kind, spanId, parentSpanId, name: kind });
  const complete = [
    span('gateway', 'SERVER', 'a', 'root'), span('gateway', 'CLIENT', 'b', 'a'), span('orders', 'SERVER', 'c', 'b'),
    span('orders', 'CLIENT', 'd', 'c'), span('restaurant', 'SERVER', 'e', 'd'), span('orders', 'PRODUCER', 'f', 'c'),
    span('gateway', 'CONSUMER', 'g', 'f'), span('customers', 'CONSUMER', 'h', 'f'),
  ];
  const broken = complete.map((s) => (s.spanId === 'g' ? { ...s, parentSpanId: 'zz' } : s));
  const missing = complete.filter((s) => s.service !== 'customers');
  const ok = problems(complete, 'root').length === 0
    && problems(broken, 'root').some((p) => p.startsWith('broken parent link'))
    && problems(missing, 'root').includes('missing: the customers consumer consumes it');
  console.log(ok ? 'trace-check self-test: ok' : 'trace-check self-test: FAILED');
  process.exit(ok ? 0 : 1);
}

if (process.argv.includes('--self-test')) selfTest();
else check().catch((e) => { console.error(e.message); process.exit(1); });
