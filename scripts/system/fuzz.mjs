// The schema-driven fuzz test (issue 12): for every operation of the merged OpenAPI document the gateway
// serves, sends malformed, oversized, wrongly typed, duplicate-key, control-character and boundary values
// in its body, query and path parameters, and checks two promises:
//   - no answer is a 5xx (bad input is the caller's fault: a 4xx problem);
//   - a 4xx changes no row (a snapshot of every table of the database, compared before and after each
//     request that could write).
// It works on a restaurant of its own (created through the API), so the demo data stays as it was.
//   node scripts/system/fuzz.mjs            against TAVOLA_BASE_URL; needs TAVOLA_DB_NAME (the stack's
//                                           database), TAVOLA_ADMIN_USERNAME/PASSWORD (the master admin)
//   node scripts/system/fuzz.mjs --self-test  the classifier on a made-up list of answers (a negative check:
//                                           a 500 and a 4xx that changed a row must be flagged)
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { api, baseUrl, call, guestToken, login } from './kit.mjs';

/** The verdict on a list of {method, path, kind, status, changed}: totals by status class and what failed. */
export function classify(answers) {
  const byClass = {};
  const serverErrors = [];
  const changedOn4xx = [];
  for (const answer of answers) {
    const klass = answer.status === 0 ? 'no answer' : `${Math.floor(answer.status / 100)}xx`;
    byClass[klass] = (byClass[klass] ?? 0) + 1;
    if (answer.status >= 500 || answer.status === 0) serverErrors.push(answer);
    if (answer.status >= 400 && answer.status < 500 && answer.changed) changedOn4xx.push(answer);
  }
  return { requests: answers.length, byClass, serverErrors, changedOn4xx,
    ok: serverErrors.length === 0 && changedOn4xx.length === 0 };
}

function selfTest() {
  const verdict = classify([
    { method: 'GET', path: '/a', kind: 'ok', status: 200 },
    { method: 'POST', path: '/b', kind: 'nul', status: 400, changed: false },
    { method: 'POST', path: '/c', kind: 'duplicate key', status: 500 },
    { method: 'PUT', path: '/d', kind: 'unknown field', status: 422, changed: true },
  ]);
  const expected = verdict.serverErrors.length === 1 && verdict.serverErrors[0].path === '/c'
    && verdict.changedOn4xx.length === 1 && verdict.changedOn4xx[0].path === '/d' && !verdict.ok
    && verdict.byClass['5xx'] === 1 && verdict.byClass['4xx'] === 2 && verdict.byClass['2xx'] === 1
    && classify([{ status: 404 }, { status: 201 }]).ok;
  console.log(expected ? 'fuzz self-test: the classifier flags a 500 and a 4xx that changed a row'
    : `fuzz self-test FAILED: ${JSON.stringify(verdict)}`);
  process.exitCode = expected ? 0 : 1;
}

/** One psql kept open: every snapshot is a query on it, not a new process. */
class Database {
  constructor(name) {
    this.psql = spawn('psql', ['-X', '-q', '-A', '-t', '-h', process.env.DB_HOST ?? '127.0.0.1',
      '-U', process.env.DB_USER ?? 'tavola', '-d', name], {
      env: { ...process.env, PGPASSWORD: process.env.DB_PASSWORD ?? 'tavola' }, stdio: ['pipe', 'pipe', 'inherit'] });
    this.buffer = '';
    this.waiting = null;
    this.psql.stdout.on('data', (chunk) => {
      this.buffer += chunk;
      const end = this.buffer.indexOf('__end__\n');
      if (end >= 0 && this.waiting) {
        const out = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 8);
        const resolve = this.waiting;
        this.waiting = null;
        resolve(out);
      }
    });
  }

  query(sql) {
    return new Promise((resolve) => {
      this.waiting = resolve;
      this.psql.stdin.write(`${sql};\n\\echo __end__\n`);
    });
  }

  async prepare() {
    const tables = (await this.query(`select table_schema || '.' || table_name from information_schema.tables
      where table_schema in ('auth', 'restaurant', 'orders', 'customers') and table_type = 'BASE TABLE'
        and table_name <> 'flyway_schema_history' order by 1`)).trim().split('\n').filter(Boolean);
    // every row of every table, hashed; of the outboxes only the count (their relays mark rows published)
    this.snapshotSql = tables.map((t) => (t.endsWith('.outbox_event')
      ? `select '${t}' || ':' || count(*) from ${t}`
      : `select '${t}' || ':' || count(*) || ':' || md5(coalesce(string_agg(x::text, '|' order by x::text), '')) from ${t} x`))
      .join(' union all ');
    return tables.length;
  }

  snapshot() { return this.query(this.snapshotSql); }

  close() { this.psql.stdin.end(); }
}

// ---------------------------------------------------------------------------------------------------
// Values from the schemas

function resolve(doc, schema) {
  let s = schema ?? {};
  for (let i = 0; s.$ref && i < 10; i += 1) {
    s = s.$ref.split('/').slice(1).reduce((node, key) => node?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], doc) ?? {};
  }
  if (s.allOf) return Object.assign({}, ...s.allOf.map((part) => resolve(doc, part)));
  if (s.oneOf || s.anyOf) return resolve(doc, (s.oneOf ?? s.anyOf)[0]);
  return s;
}

function typeOf(schema) {
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (type) return type;
  if (schema.properties) return 'object';
  if (schema.items) return 'array';
  return 'string';
}

/** A plausible value of the schema (the base each mutation starts from). */
function sample(doc, schema, depth = 0) {
  const s = resolve(doc, schema);
  if (s.enum?.length) return s.enum[0];
  switch (typeOf(s)) {
    case 'object': {
      const out = {};
      if (depth < 4) for (const [name, property] of Object.entries(s.properties ?? {})) out[name] = sample(doc, property, depth + 1);
      return out;
    }
    case 'array': return depth < 4 && s.items ? [sample(doc, s.items, depth + 1)] : [];
    case 'integer': return Math.max(1, s.minimum ?? 1);
    case 'number': return Math.max(1, s.minimum ?? 1);
    case 'boolean': return true;
    default:
      if (s.format === 'uuid') return randomUUID();
      if (s.format === 'date-time') return new Date().toISOString();
      if (s.format === 'date') return new Date().toISOString().slice(0, 10);
      return 'fuzz';
  }
}

const WRONG_TYPES = { string: 12345, integer: 'twelve', number: 'twelve', boolean: 'yes', array: { not: 'a list' }, object: ['not', 'an', 'object'] };

/** The hostile values for one property of the given schema, each with what it tries. */
function hostileValues(doc, schema) {
  const s = resolve(doc, schema);
  const type = typeOf(s);
  const values = [
    ['wrong type', WRONG_TYPES[type] ?? 12345],
    ['null', null],
  ];
  if (type === 'string') {
    values.push(['NUL', 'a\u0000b'], ['control character', 'a\u0007\u001bb'], ['lone surrogate', 'a\ud800b'],
      ['oversized text', 'x'.repeat(100_000)], ['empty text', ''], ['right-to-left override', 'a\u202eb']);
  }
  if (type === 'integer' || type === 'number') {
    values.push(['fraction', 1.5], ['number as text', '2'], ['negative', -1], ['int overflow', 2147483648],
      ['huge', 1e308], ['zero', 0]);
  }
  if (type === 'array') values.push(['oversized list', Array.from({ length: 5000 }, () => sample(doc, s.items ?? {}))]);
  if (type === 'boolean') values.push(['boolean as text', 'true'], ['boolean as number', 1]);
  return values;
}

const camel = (name) => name.replace(/_([a-z])/g, (_, c) => c.toUpperCase());

/** Every body to send to an operation with this request schema: [kind, raw text]. */
function hostileBodies(doc, schema) {
  const base = sample(doc, schema);
  const text = JSON.stringify(base);
  const bodies = [
    ['malformed JSON', '{"a":'], ['not JSON', 'nul'], ['empty body', ''], ['JSON array', '[]'], ['JSON number', '42'],
    ['deep nesting', `${'['.repeat(5000)}${']'.repeat(5000)}`],
    ['oversized body', JSON.stringify({ ...(typeof base === 'object' && !Array.isArray(base) ? base : {}), padding: 'x'.repeat(3_000_000) })],
    ['unknown field', JSON.stringify({ ...(typeof base === 'object' && !Array.isArray(base) ? base : {}), surely_not_a_field: 1 })],
  ];
  if (base && typeof base === 'object' && !Array.isArray(base)) {
    const names = Object.keys(base);
    if (names.length) {
      const first = names[0];
      bodies.push(['duplicate key', `{${JSON.stringify(first)}: ${JSON.stringify(base[first])}, ${text.slice(1)}`]);
    } else {
      bodies.push(['duplicate key', '{"x": 1, "x": 2}']);
    }
    const s = resolve(doc, schema);
    for (const name of names) {
      for (const [kind, value] of hostileValues(doc, s.properties?.[name] ?? {})) {
        bodies.push([`${name}: ${kind}`, JSON.stringify({ ...base, [name]: value })]);
      }
      if (camel(name) !== name) {
        const renamed = { ...base };
        delete renamed[name];
        renamed[camel(name)] = base[name];
        bodies.push([`${name} spelled ${camel(name)}`, JSON.stringify(renamed)]);
      }
    }
  }
  return bodies;
}

const HOSTILE_QUERY = [['wrong type', 'abc'], ['NUL', '%00'], ['control character', '%07'], ['negative', '-1'],
  ['int max', '2147483647'], ['int overflow', '2147483648'], ['empty', ''], ['oversized', 'x'.repeat(5000)],
  ['lone surrogate bytes', '%ED%A0%80'], ['lowercase', 'chef']];
const HOSTILE_PATH = [['not an id', 'not-an-id'], ['NUL', '%00'], ['oversized', 'x'.repeat(3000)],
  ['lone surrogate bytes', '%ED%A0%80'], ['int overflow', '2147483648'], ['dot segment', '..%2F..%2Fq']];

// ---------------------------------------------------------------------------------------------------

async function main() {
  const dbName = process.env.TAVOLA_DB_NAME;
  if (!dbName) throw new Error('TAVOLA_DB_NAME must name the database of the stack under test');
  const master = await login(process.env.TAVOLA_ADMIN_USERNAME ?? 'admin', process.env.TAVOLA_ADMIN_PASSWORD);
  const doc = (await api('GET', '/q/openapi?format=json')).body;
  if (!doc?.paths) throw new Error('the gateway serves no OpenAPI document');

  // a restaurant of the fuzzer's own, with a table for a guest token
  const restaurant = await call('POST', '/restaurants', { token: master, body: {
    name: `Fuzz ${Date.now()}`, currency: 'EUR', time_zone: 'Europe/Rome' } });
  const table = await call('POST', `/restaurants/${restaurant.id}/tables`, { token: master,
    body: { table_number: 'F1', capacity: 2 } });
  const guest = await guestToken(table.qr_token);
  const known = { rid: restaurant.id, restaurantId: restaurant.id, qrToken: table.qr_token, tableId: table.id };

  const db = new Database(dbName);
  const tableCount = await db.prepare();
  let current = await db.snapshot();
  const answers = [];

  const send = async (method, path, { token, raw, kind, operation }) => {
    const writes = method !== 'GET' && method !== 'HEAD';
    let status = 0;
    try {
      const headers = raw === undefined ? {} : { 'Content-Type': 'application/json' };
      if (method === 'POST' && operation === 'POST /api/v1/orders') headers['Idempotency-Key'] = randomUUID();
      status = (await api(method, path, { token, raw, headers, timeoutMs: 15_000 })).status;
    } catch (error) {
      status = 0;
    }
    let changed = false;
    if (writes || status >= 500 || status === 0) {
      if (status >= 200 && status < 300) await new Promise((r) => setTimeout(r, 300)); // let consumers settle
      const after = await db.snapshot();
      changed = after !== current;
      current = after;
    }
    answers.push({ method, path: path.length > 120 ? `${path.slice(0, 120)}...` : path, kind, operation, status, changed });
  };

  let operations = 0;
  for (const [template, item] of Object.entries(doc.paths)) {
    for (const [verb, operation] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(verb)) continue;
      operations += 1;
      const method = verb.toUpperCase();
      const name = `${method} ${template}`;
      const isPublic = Array.isArray(operation.security) && operation.security.length === 0;
      // the master admin may call everything; a guest too where diners call (sessions and orders)
      const tokens = isPublic ? [undefined] : /^\/api\/v1\/(orders|sessions)/.test(template) ? [master, guest] : [master];
      const parameters = [...(item.parameters ?? []), ...(operation.parameters ?? [])];
      const concrete = (overrides = {}) => template.replace(/\{([^}]+)\}/g, (_, p) => overrides[p] ?? known[p] ?? randomUUID());
      const content = operation.requestBody?.content ?? {};
      const jsonSchema = content['application/json']?.schema;

      for (const token of tokens) {
        if (jsonSchema) {
          for (const [kind, raw] of hostileBodies(doc, jsonSchema)) {
            await send(method, concrete(), { token, raw, kind, operation: name });
          }
        } else {
          await send(method, concrete(), { token, kind: 'as documented', operation: name });
        }
      }
      const body = jsonSchema ? JSON.stringify(sample(doc, jsonSchema)) : undefined;
      for (const parameter of parameters.filter((p) => p.in === 'query')) {
        for (const [kind, value] of HOSTILE_QUERY) {
          await send(method, `${concrete()}?${encodeURIComponent(parameter.name)}=${value}`,
            { token: tokens[0], raw: body, kind: `?${parameter.name}: ${kind}`, operation: name });
        }
      }
      for (const parameter of parameters.filter((p) => p.in === 'path')) {
        for (const [kind, value] of HOSTILE_PATH) {
          await send(method, concrete({ [parameter.name]: value }),
            { token: tokens[0], raw: body, kind: `{${parameter.name}}: ${kind}`, operation: name });
        }
      }
    }
  }
  db.close();

  const verdict = classify(answers);
  console.log(`fuzz: ${operations} operations of ${baseUrl}/q/openapi, ${verdict.requests} requests, `
    + `${tableCount} tables snapshotted around every write`);
  console.log(`fuzz: by status class ${Object.entries(verdict.byClass).sort().map(([k, v]) => `${k} ${v}`).join(', ')}`);
  for (const answer of verdict.serverErrors.slice(0, 30)) {
    console.log(`    !! ${answer.status || 'no answer'} ${answer.method} ${answer.path} (${answer.kind})`);
  }
  for (const answer of verdict.changedOn4xx.slice(0, 30)) {
    console.log(`    !! ${answer.status} changed a row: ${answer.method} ${answer.path} (${answer.kind})`);
  }
  console.log(verdict.ok ? 'fuzz: 0 answers were 5xx and no 4xx changed a row'
    : `fuzz: FAILED, ${verdict.serverErrors.length} 5xx or unanswered, ${verdict.changedOn4xx.length} 4xx that changed rows`);
  process.exitCode = verdict.ok ? 0 : 1;
}

if (process.argv.includes('--self-test')) selfTest();
else await main();
