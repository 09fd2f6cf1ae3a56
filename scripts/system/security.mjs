// The security suite (issue 12, docs/security.md "Security suite"), run by scripts/e2e against the
// packaged system with the demo data: the cross-tenant and role matrix generated from the gateway's
// merged OpenAPI document, token forgeries and revocations, WebSocket subscriptions to foreign
// kitchens and sessions, and the security headers. The Copper Pot's people (admin, chef, waiter, a
// guest at one of its tables), a customer and an anonymous caller act on Trattoria Roma's real ids
// ("foreign") and on their own ("own"). Prints one line per check and a tally; exits non-zero on a
// failure.
//   TAVOLA_BASE_URL, TAVOLA_DEMO_JSON   as for kit.mjs
//   TAVOLA_SERVICE_URLS   optional "auth=http://localhost:19001,restaurant=...": token attacks are also
//                         sent to each service directly, past the gateway
//   TAVOLA_KEYS_DIR       optional: the stack's signing key, to forge validly signed tokens whose only
//                         fault is a claim (issuer, audience, expiry)
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { api as kitApi, baseUrl, call, demo, guestToken, login, plainItems, reporter, sleep, waitFor } from './kit.mjs';
import { RULES, classify, fillPath, forgeries, headerFaults, inlineScripts, operations, overrideBody,
  query, sampleBody } from './security-checks.mjs';

const report = reporter('security');
let requests = 0;
const api = (...args) => { requests += 1; return kitApi(...args); };
const { check, note } = report;
const data = demo();
const [roma, copper] = data.restaurants;
const services = Object.fromEntries((process.env.TAVOLA_SERVICE_URLS ?? '').split(',').filter(Boolean)
  .map((entry) => entry.split('=')));
const unique = () => randomUUID().slice(0, 8);

console.log('==> security: the checker itself (node --test scripts/system/security.test.mjs)');
await check('the checker flags leaks, role breaches and forged tokens (its own negative tests)', () => {
  const result = spawnSync(process.execPath, ['--test', fileURLToPath(new URL('./security.test.mjs', import.meta.url))],
    { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stdout.split('\n').filter((l) => /not ok|fail|Error/.test(l)).slice(0, 10).join('\n'));
});

// ---- the actors and their data ----
console.log('==> security: setting up both restaurants\' actors and ids');
const master = await login(data.master.username, data.master.password);
const staffOf = async (r) => ({
  admin: await login(r.admin.username, r.admin.password),
  chef: await login(r.chef.username, r.chef.password),
  waiter: await login(r.waiter.username, r.waiter.password),
});
const mine = await staffOf(copper);
const theirs = await staffOf(roma);
const post = (path, token, body) => call('POST', path, { token, body });

async function customer() {
  const username = `sec-${unique()}`;
  await post('/auth/register', undefined, { username, email: `${username}@example.com`, password: 'long-enough-secret' });
  const token = await login(username, 'long-enough-secret');
  return { username, token, id: JSON.parse(Buffer.from(token.split('.')[1], 'base64url')).sub };
}
const table = (r, token, extra = {}) => post(`/restaurants/${r.id}/tables`, token,
  { table_number: `S${unique()}`, label: `Security ${unique()}`, capacity: 2, ...extra });
const user = (r, role = 'restaurant_admin') => {
  const username = `sec-${unique()}`;
  return post('/users', master, { username, email: `${username}@example.com`, password: 'long-enough-secret',
    role, restaurant_id: r.id }).then((made) => ({ ...made, username, password: 'long-enough-secret' }));
};
const order = (token, r, extra = {}) => call('POST', '/orders', { token, headers: { 'Idempotency-Key': randomUUID() },
  body: { type: 'dine_in', items: [{ menu_item_id: plainItems(r)[0].id, quantity: 1, modifier_option_ids: [] }], ...extra } });

const guestTable = await table(copper, mine.admin);
const scratchTable = await table(copper, mine.admin);
const guest = await guestToken(guestTable.qr_token);
const ownOrder = await order(guest, copper);
const ownSession = await call('GET', '/sessions/current', { token: guest });
const scratchCategory = await post(`/restaurants/${copper.id}/categories`, mine.admin, { name: `Security ${unique()}` });
const scratchItem = await post(`/restaurants/${copper.id}/menu-items`, mine.admin,
  { category_id: scratchCategory.id, name: `Security ${unique()}`, price: 5 });
const scratchUser = await user(copper, 'chef');
const me = await customer();
await order(me.token, copper, { type: 'takeaway', restaurant_id: copper.id });
const romaCustomer = await customer();
await order(romaCustomer.token, roma, { type: 'takeaway', restaurant_id: roma.id });
const romaGuest = await guestToken(roma.tables[1].qr_token);
const romaOrder = await order(romaGuest, roma);
const romaSession = await call('GET', '/sessions/current', { token: romaGuest });
const romaUsers = (await call('GET', `/users?restaurant_id=${roma.id}&size=100`, { token: master })).items;
const romaItem = plainItems(roma)[0];

const actors = { anonymous: undefined, customer: me.token, guest, ...mine };
const own = { restaurant: copper.id, table: scratchTable.id, item: scratchItem.id, category: scratchCategory.id,
  order: ownOrder.id, session: ownSession.id, user: scratchUser.id, customer: me.id, qrToken: scratchTable.qr_token,
  image: randomUUID() };
const other = { restaurant: roma.id, table: roma.tables[0].id, item: romaItem.id, category: romaItem.category_id,
  order: romaOrder.id, session: romaSession.id, user: romaUsers.find((u) => u.username === roma.chef.username)?.id,
  customer: romaCustomer.id, qrToken: roma.tables[0].qr_token, image: randomUUID() };
const randomIds = { ...Object.fromEntries(Object.keys(other).map((k) => [k, randomUUID()])), restaurant: roma.id,
  qrToken: `sec${unique()}${unique()}` };
// What no outsider may read of Roma. Menu items and categories are public (the diner menu), so not here.
const secrets = [romaOrder.id, romaSession.id, romaCustomer.id, romaCustomer.username,
  ...romaUsers.flatMap((u) => [u.id, u.username, u.email]), ...roma.tables.flatMap((t) => [t.id, t.qr_token])];
const publicSecrets = [romaOrder.id, romaSession.id, romaCustomer.id, ...romaUsers.flatMap((u) => [u.id, u.username])];
note(`Copper ${copper.id} acts on Roma ${roma.id}: ${secrets.length} secret strings of Roma watched for in every answer`);

// Before the matrix: its last operation closes the guest's session, which may end the guest's token.
// ---- WebSockets ----
console.log('==> security: live sockets to foreign kitchens and sessions');
/** A socket and what came of it: frames received, close code; `done(ms)` waits up to ms for the close. */
function socket(path, token) {
  const protocols = token ? ['bearer-token-carrier', encodeURIComponent(`quarkus-http-upgrade#Authorization#Bearer ${token}`)] : [];
  requests += 1;
  const ws = new WebSocket(baseUrl.replace(/^http/, 'ws') + path, protocols);
  const state = { frames: [], closed: null };
  ws.addEventListener('message', (event) => state.frames.push(String(event.data).slice(0, 200)));
  ws.addEventListener('close', (event) => { state.closed = { code: event.code }; });
  ws.addEventListener('error', () => {});
  state.done = async (ms) => { await waitFor(() => state.closed, ms, 100); return state; };
  state.close = () => ws.close();
  return state;
}
const refusedSocket = async (path, token) => {
  const s = await socket(path, token).done(4000);
  s.close();
  const data = s.frames.filter((f) => /"kind":"(snapshot|event)"/.test(f));
  if (data.length) throw new Error(`received ${data.length} data frames: ${data[0]}`);
  if (!s.closed) throw new Error('the socket stayed open for 4 s');
  if (![1006, 1008, 1002].includes(s.closed.code) && !(s.closed.code >= 4400 && s.closed.code < 4500)) {
    throw new Error(`closed with ${s.closed.code}, not refused at the handshake (1006) nor a policy code (1008)`);
  }
};
await check('Copper\'s chef receives its own kitchen\'s snapshot (the control)', async () => {
  const s = socket(`/ws/kitchen/${copper.id}`, mine.chef);
  await waitFor(() => s.frames.some((f) => f.includes('"snapshot"')), 5000, 100);
  s.close();
  return s.frames.some((f) => f.includes('"snapshot"'));
});
await check('Copper\'s guest receives its own session\'s snapshot (the control)', async () => {
  const s = socket(`/ws/sessions/${ownSession.id}`, guest);
  await waitFor(() => s.frames.some((f) => f.includes('"snapshot"')), 5000, 100);
  s.close();
  return s.frames.some((f) => f.includes('"snapshot"'));
});
const socketForgeries = forgeries(mine.admin, { jwk: (await call('GET', '/auth/jwks')).keys[0],
  foreignRestaurant: roma.id, jkuUrl: 'http://127.0.0.1:9/jwks.json' }).list;
const noneToken = socketForgeries.find(([name]) => name === 'alg none')[1];
const tampered = socketForgeries.find(([name]) => name.startsWith('tampered'))[1];
for (const [role, token] of [...Object.entries(actors), ['alg none', noneToken], ['tampered', tampered]]) {
  await check(`${role} cannot subscribe to Roma's kitchen`, () => refusedSocket(`/ws/kitchen/${roma.id}`, token));
  await check(`${role} cannot subscribe to a Roma session`, () => refusedSocket(`/ws/sessions/${romaSession.id}`, token));
}
await check('Roma\'s guest cannot subscribe to a Copper session', () => refusedSocket(`/ws/sessions/${ownSession.id}`, romaGuest));
await check('Roma\'s chef cannot subscribe to Copper\'s kitchen', () => refusedSocket(`/ws/kitchen/${copper.id}`, theirs.chef));

// ---- the matrix, from the OpenAPI document ----
const documentAnswer = await api('GET', `${baseUrl}/q/openapi?format=json`);
const document = documentAnswer.body;
const ops = document ? operations(document) : [];
await check(`the gateway serves the merged OpenAPI document (${ops.length} operations)`, () => ops.length > 20);
await check('every operation of the document has a line in the role table (security-checks.mjs RULES)', () => {
  const missing = ops.filter((op) => !RULES[op.key]).map((op) => op.key);
  if (missing.length) throw new Error(`no rule for: ${missing.join(', ')}`);
});
const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

function request(op, role, ids) {
  const path = fillPath(op.path, ids) + query(op.spec, ids);
  const content = op.spec.requestBody?.content ?? {};
  const options = { token: actors[role], headers: {} };
  if (content['*/*'] || content['application/octet-stream']) {
    options.raw = TINY_PNG;
    options.headers['Content-Type'] = 'image/png';
  } else if (content['application/json']) {
    options.body = overrideBody(op.key, ids, role) ?? sampleBody(document, content['application/json'].schema, ids);
  }
  if (op.key === 'POST /api/v1/orders') options.headers['Idempotency-Key'] = randomUUID();
  // a real login: made-up ones would count as failed logins from this address and get it throttled
  if (op.key === 'POST /api/v1/auth/login') options.body = { username: copper.chef.username, password: copper.chef.password };
  return { path, options, requestText: path + JSON.stringify(options.body ?? '') };
}

async function exchange(op, role, ids) {
  const { path, options, requestText } = request(op, role, ids);
  try {
    const answer = await api(op.method, path, options);
    return { status: answer.status, text: answer.text, requestText };
  } catch (error) {
    return { status: 0, text: String(error), requestText };
  }
}

const failuresBy = { foreign: [], own: [] };
for (const kind of ['foreign', 'own']) {
  console.log(`==> security: matrix, ${kind === 'foreign' ? "Copper's actors on Roma's ids" : "Copper's actors on Copper's ids (the role table)"}`);
  for (const op of ops) {
    const base = RULES[op.key];
    if (!base) continue;
    const rule = { ...base, key: op.key, method: op.method, tenantInPath: /\{(rid|restaurantId|id|customerId)\}/.test(op.path) };
    const problems = [];
    for (const role of ['anonymous', 'customer', 'guest', 'chef', 'waiter', 'admin']) {
      if (rule.anonymousOnly && role !== 'anonymous') continue;
      const ids = kind === 'foreign' ? other : own;
      const answer = await exchange(op, role, ids);
      let probe;
      if (kind === 'foreign' && answer.status >= 300 && ![401, 403, 404].includes(answer.status)) {
        probe = (await exchange(op, role, randomIds)).status;
      }
      const verdict = classify({ kind, role, rule, ...answer, probe, foreignIds: Object.values(other),
        secrets: rule.public ? publicSecrets : secrets });
      if (verdict.verdict !== 'ok') problems.push(`${role}: ${verdict.verdict}, ${verdict.why}: ${answer.text.slice(0, 160)}`);
    }
    const name = `${kind} ${op.key}`;
    if (problems.length) failuresBy[kind].push(op.key);
    await check(name, () => { if (problems.length) throw new Error(problems.join('\n')); });
  }
}

// ---- token attacks ----
console.log('==> security: forged, expired and revoked tokens (each at the gateway and at the service itself)');
const targets = [
  ['auth', 'GET', '/api/v1/auth/me'],
  ['auth', 'GET', `/api/v1/users?restaurant_id=${copper.id}`],
  ['restaurant', 'GET', `/api/v1/restaurants/${copper.id}`],
  ['restaurant', 'PUT', `/api/v1/restaurants/${copper.id}/tables/${guestTable.id}/status`, { status: 'available' }],
  ['orders', 'GET', '/api/v1/orders'],
  ['orders', 'GET', '/api/v1/sessions'],
  ['orders', 'GET', '/api/v1/analytics'],
  ['customers', 'GET', '/api/v1/customers'],
  ['customers', 'GET', '/api/v1/feedback'],
];
const where = (service) => [['gateway', baseUrl], ...(services[service] ? [[service, services[service]]] : [])];

/** Every target, through the gateway and straight at its service: [] when each answered 401 problem+json. */
async function unauthorizedEverywhere(token, list = targets) {
  const wrong = [];
  for (const [service, method, path, body] of list) {
    for (const [name, url] of where(service)) {
      const answer = await api(method, url + path, { token, body });
      const type = answer.headers.get('content-type') ?? '';
      if (answer.status !== 401 || !type.includes('application/problem+json')) {
        wrong.push(`${name} ${method} ${path}: ${answer.status} ${type}`);
      }
    }
  }
  return wrong;
}
async function acceptedEverywhere(token, list = targets) {
  const wrong = [];
  for (const [service, method, path, body] of list) {
    for (const [name, url] of where(service)) {
      const answer = await api(method, url + path, { token, body, headers: method === 'POST' ? { 'Idempotency-Key': randomUUID() } : {} });
      if (answer.status === 401 || answer.status === 403 || answer.status >= 500) wrong.push(`${name} ${method} ${path}: ${answer.status}`);
    }
  }
  return wrong;
}
const explain = (wrong) => { if (wrong.length) throw new Error(`${wrong.length} not refused:\n${wrong.join('\n')}`); };

await check(`the real token of Copper's admin is accepted at all ${targets.length} endpoints (the control)`, async () =>
  explain(await acceptedEverywhere(mine.admin)));
const jwks = (await call('GET', '/auth/jwks')).keys;
const keysDir = process.env.TAVOLA_KEYS_DIR;
const keyFile = keysDir && `${keysDir}/signing-key.pem`;
const privateKey = keyFile && existsSync(keyFile) ? readFileSync(keyFile, 'utf8') : undefined;
if (!privateKey) note('no TAVOLA_KEYS_DIR signing key: wrong issuer, audience and expiry are not forged');
let jkuFetched = 0;
let foreignJwks;
const jkuServer = createServer((req, res) => {
  jkuFetched += 1;
  res.setHeader('Content-Type', 'application/json');
  res.end(JSON.stringify(foreignJwks));
});
await new Promise((resolve) => jkuServer.listen(0, '127.0.0.1', resolve));
const forged = forgeries(mine.admin, { jwk: jwks[0], privateKey, foreignRestaurant: roma.id,
  jkuUrl: `http://127.0.0.1:${jkuServer.address().port}/jwks.json` });
foreignJwks = forged.foreignJwks;
for (const [name, token] of forged.list) {
  await check(`a token with ${name}: 401 problem+json everywhere`, async () => explain(await unauthorizedEverywhere(token)));
}
await check('no service fetched the jku of a forged token', () => jkuFetched === 0);
jkuServer.close();

async function revoked(name, fault, prepare, revoke, list = targets) {
  await check(`${name}: refused everywhere within 5 s (${fault})`, async () => {
    const token = await prepare();
    explain(await acceptedEverywhere(token, list));
    await revoke(token);
    let wrong = [];
    await waitFor(async () => (wrong = await unauthorizedEverywhere(token, list)).length === 0, 5000, 500);
    explain(wrong);
  });
}
const asUser = async () => {
  const made = await user(copper);
  const pair = await call('POST', '/auth/login', { body: { username: made.username, password: made.password } });
  return { made, pair };
};
let session;
await revoked('an access token after logout', 'fault 1', async () => {
  session = await asUser();
  return session.pair.access_token;
}, (token) => call('POST', '/auth/logout', { token, body: { refresh_token: session.pair.refresh_token } }, [200, 204]));
await revoked('the token of a deactivated user', 'fault 1', async () => {
  session = await asUser();
  return session.pair.access_token;
}, () => call('PUT', `/users/${session.made.id}`, { token: master, body: { is_active: false } }));
await revoked('the token of a deleted user', 'fault 1', async () => {
  session = await asUser();
  return session.pair.access_token;
}, () => call('DELETE', `/users/${session.made.id}`, { token: master }, [200, 204]));

const guestTargets = (sessionId) => [
  ['orders', 'GET', '/api/v1/sessions/current'],
  ['orders', 'POST', '/api/v1/orders', { type: 'dine_in', items: [{ menu_item_id: plainItems(copper)[0].id, quantity: 1, modifier_option_ids: [] }] }],
  ['orders', 'POST', `/api/v1/sessions/${sessionId}/service-requests`, { kind: 'bill' }],
  ['auth', 'GET', '/api/v1/auth/me'],
];
let rotatedTable;
let rotatedSocket;
const guestOf = async (extra) => {
  rotatedTable = await table(copper, mine.admin, extra);
  const token = await guestToken(rotatedTable.qr_token);
  await order(token, copper);
  return token;
};
{
  const token = await guestOf();
  const sessionId = (await call('GET', '/sessions/current', { token })).id;
  rotatedSocket = socket(`/ws/sessions/${sessionId}`, token);
  await rotatedSocket.done(2000);
  await revoked('a guest token after the table\'s QR code was rotated', 'fault 2', async () => token,
    () => post(`/restaurants/${copper.id}/tables/${rotatedTable.id}/qr-token/rotate`, mine.admin), guestTargets(sessionId));
  await check('the rotated table\'s open session socket is closed within 5 s (fault 2)', async () => {
    await waitFor(() => rotatedSocket.closed, 5000);
    if (!rotatedSocket.closed) throw new Error('still open 5 s after the QR code was rotated');
  });
}
{
  const token = await guestOf();
  const sessionId = (await call('GET', '/sessions/current', { token })).id;
  const deactivated = rotatedTable;
  await revoked('a guest token after its table was deactivated', 'fault 2', async () => token,
    () => call('PUT', `/restaurants/${copper.id}/tables/${deactivated.id}`, { token: mine.admin,
      body: { table_number: deactivated.table_number, label: deactivated.label, capacity: 2, is_active: false } }),
    guestTargets(sessionId));
}
{
  const token = await guestOf();
  const sessionId = (await call('GET', '/sessions/current', { token })).id;
  await revoked('a guest token after staff closed its table\'s session', 'fault 2', async () => token,
    () => post(`/sessions/${sessionId}/close`, mine.waiter, { status: 'cancelled' }), guestTargets(sessionId));
}

// ---- security headers ----
console.log('==> security: headers of the apps and the API (fault 7)');
const page = async (path) => {
  requests += 1;
  const response = await fetch(baseUrl + path, { signal: AbortSignal.timeout(10_000) });
  return { response, text: await response.text() };
};
const index = await page('/');
const asset = /<script[^>]+src="([^"]+\.js)"/.exec(index.text)?.[1];
for (const [name, path, kind] of [
  ['index.html', '/', { html: true }],
  ['the SPA fallback (/admin)', '/admin', { html: true }],
  ['the diner menu page (/t/<code>)', `/t/${guestTable.qr_token}`, { html: true }],
  [`a hashed asset (${asset})`, asset, { asset: true }],
  ['an API answer (the public menu)', `/api/v1/restaurants/${copper.id}/menu`, {}],
  ['an API error (401)', '/api/v1/orders', {}],
  ['an API error the gateway answers (404)', '/api/v1/nothing-here', {}],
]) {
  await check(`security headers on ${name} (fault 7)`, async () => {
    if (!path) throw new Error('index.html names no script asset');
    const { response } = await page(path);
    const faults = headerFaults(response.headers, kind);
    if (faults.length) throw new Error(faults.join('\n'));
  });
}
await check('index.html has no inline script (fault 7: a CSP without \'unsafe-inline\' would block it)', () => {
  const count = inlineScripts(index.text);
  if (count) throw new Error(`${count} inline scripts`);
});

note(`matrix failures: foreign ${failuresBy.foreign.length}, own ${failuresBy.own.length}; ${requests} requests and sockets checked`);
report.done();
await sleep(0);
process.exit(process.exitCode ?? 0);
