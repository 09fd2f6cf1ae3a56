// Negative tests of the security suite's checker (security-checks.mjs): it must flag what it is there
// to catch, or a green suite proves nothing. Run by security.mjs (node --test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { RULES, classify, decode, fillPath, forgeries, headerFaults, inlineScripts, operations, signJwt } from './security-checks.mjs';

const rule = (key, extra = {}) => ({ ...RULES[key], key, method: key.split(' ')[0], tenantInPath: /\{/.test(key), ...extra });
const ORDER = 'GET /api/v1/orders/{id}';

test('a 200 holding the foreign restaurant\'s data is a leak', () => {
  const verdict = classify({ kind: 'foreign', role: 'chef', rule: rule(ORDER), status: 200,
    text: '{"id":"roma-order-1","total_amount":25}', requestText: '/api/v1/orders/other', secrets: ['roma-order-1'] });
  assert.equal(verdict.verdict, 'leak');
});

test('a 2xx on a foreign resource is a leak even when no secret shows', () => {
  assert.equal(classify({ kind: 'foreign', role: 'chef', rule: rule(ORDER), status: 204, text: '' }).verdict, 'leak');
});

test('a refusal that names a foreign secret the request did not carry is a leak', () => {
  const verdict = classify({ kind: 'foreign', role: 'admin', rule: rule(ORDER), status: 404,
    text: '{"detail":"order of session roma-session-9"}', requestText: '/api/v1/orders/x', secrets: ['roma-session-9'] });
  assert.equal(verdict.verdict, 'leak');
});

test('a 404 echoing only the id the caller sent is a refusal, not a leak', () => {
  const verdict = classify({ kind: 'foreign', role: 'admin', rule: rule(ORDER), status: 404,
    text: '{"instance":"/api/v1/orders/roma-order-1"}', requestText: '/api/v1/orders/roma-order-1', secrets: ['roma-order-1'] });
  assert.equal(verdict.verdict, 'ok');
});

test('a different answer for real foreign ids than for random ones is an existence oracle', () => {
  const key = 'DELETE /api/v1/restaurants/{rid}/categories/{id}';
  assert.equal(classify({ kind: 'foreign', role: 'admin', rule: rule(key), status: 409, probe: 404 }).verdict, 'leak');
  assert.equal(classify({ kind: 'foreign', role: 'admin', rule: rule(key), status: 403, probe: 404 }).verdict, 'ok');
});

test('a 5xx is never fine', () => {
  assert.equal(classify({ kind: 'own', role: 'admin', rule: rule(ORDER), status: 500 }).verdict, 'error');
  assert.equal(classify({ kind: 'foreign', role: 'guest', rule: rule(ORDER), status: 503 }).verdict, 'error');
});

test('the role table: a chef placing an order or an anonymous caller getting 403 is flagged', () => {
  assert.equal(classify({ kind: 'own', role: 'chef', rule: rule('POST /api/v1/orders'), status: 201 }).verdict, 'denied');
  assert.equal(classify({ kind: 'own', role: 'anonymous', rule: rule(ORDER), status: 403 }).verdict, 'denied');
  assert.equal(classify({ kind: 'own', role: 'waiter', rule: rule('POST /api/v1/orders'), status: 403 }).verdict, 'denied');
  assert.equal(classify({ kind: 'own', role: 'waiter', rule: rule('POST /api/v1/orders'), status: 201 }).verdict, 'ok');
});

test('a customer ordering at any restaurant is by design, a waiter doing it for another is a leak', () => {
  const key = 'POST /api/v1/orders';
  assert.equal(classify({ kind: 'foreign', role: 'customer', rule: rule(key), status: 201 }).verdict, 'ok');
  assert.equal(classify({ kind: 'foreign', role: 'waiter', rule: rule(key), status: 201 }).verdict, 'leak');
});

test('operations come safe first, destructive last, and every path parameter gets an id', () => {
  const document = { paths: { '/a/{id}': { delete: {}, get: {} }, '/sessions/{id}/close': { post: {} }, '/b': { post: {} } } };
  assert.deepEqual(operations(document).map((op) => op.key), ['GET /a/{id}', 'POST /b', 'DELETE /a/{id}', 'POST /sessions/{id}/close']);
  assert.equal(fillPath('/api/v1/restaurants/{rid}/tables/{id}/status', { restaurant: 'R', table: 'T' }), '/api/v1/restaurants/R/tables/T/status');
  assert.throws(() => fillPath('/api/v1/unknown/{id}', {}));
});

test('the forgeries are what they say', () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid: 'k1' };
  const real = signJwt({ alg: 'RS256', typ: 'JWT', kid: 'k1' }, { sub: 'u', restaurant_id: 'mine', exp: 9e9 }, privateKey);
  const { list } = forgeries(real, { jwk, privateKey, jkuUrl: 'http://127.0.0.1:1/jwks', foreignRestaurant: 'theirs' });
  const by = Object.fromEntries(list);
  assert.equal(decode(by['alg none']).header.alg, 'none');
  assert.ok(by['alg none'].endsWith('.'));
  assert.equal(decode(by['HS256 signed with the public key (PEM)']).header.alg, 'HS256');
  assert.equal(decode(by['a foreign EC key with the real kid']).header.kid, 'k1');
  assert.ok(decode(by['an embedded jwk header']).header.jwk);
  assert.equal(decode(by['a jku header to a foreign JWKS']).header.jku, 'http://127.0.0.1:1/jwks');
  assert.equal(decode(by['tampered payload (other restaurant, master role), original signature']).payload.restaurant_id, 'theirs');
  assert.ok(decode(by['expired an hour ago (validly signed)']).payload.exp < Date.now() / 1000);
  assert.equal(decode(by['wrong issuer (validly signed)']).payload.iss, 'https://evil.example/auth');
});

test('missing or weak security headers are flagged, good ones pass', () => {
  const good = new Headers({ 'content-security-policy': "default-src 'self'; script-src 'self'; frame-ancestors 'none'",
    'x-content-type-options': 'nosniff', 'referrer-policy': 'strict-origin-when-cross-origin',
    'permissions-policy': 'camera=()', 'cache-control': 'no-cache' });
  assert.deepEqual(headerFaults(good, { html: true }), []);
  assert.equal(headerFaults(new Headers(), {}).length, 5);
  const inline = new Headers(good);
  inline.set('content-security-policy', "script-src 'self' 'unsafe-inline'; frame-ancestors 'none'");
  assert.match(headerFaults(inline).join(), /inline/);
  const cached = new Headers(good);
  cached.set('cache-control', 'max-age=3600');
  assert.match(headerFaults(cached, { html: true }).join(), /no-cache/);
  assert.match(headerFaults(cached, { asset: true }).join(), /immutable/);
  assert.equal(inlineScripts('<script type="module" src="/a.js"></script><script>alert(1)</script>'), 1);
});

test('a guest\'s write that carries no foreign id is about its own table, not a leak', () => {
  const key = 'POST /api/v1/sessions';
  assert.equal(classify({ kind: 'foreign', role: 'guest', rule: rule(key), status: 200, requestText: '/api/v1/sessions{}',
    foreignIds: ['roma-table'] }).verdict, 'ok');
  assert.equal(classify({ kind: 'foreign', role: 'waiter', rule: rule(key), status: 201,
    requestText: '/api/v1/sessions{"table_id":"roma-table"}', foreignIds: ['roma-table'] }).verdict, 'leak');
});
