// The pure parts of the security suite (scripts/system/security.mjs): the role table, the request
// builder driven by the OpenAPI document, the classifier that judges an answer, JWT forgery and the
// header rules. No I/O here, so security.test.mjs can prove the checker itself flags what it must.
import { createHmac, createPublicKey, createSign, generateKeyPairSync, randomUUID } from 'node:crypto';

export const ROLES = ['anonymous', 'customer', 'guest', 'chef', 'waiter', 'admin'];
const STAFF = ['admin', 'chef', 'waiter'];
const TOKENS = ['customer', 'guest', ...STAFF];

/**
 * Who may call each operation of one restaurant's own data (DESIGN.md "Tenancy and roles" and the
 * modules' README tables); master_admin is left out (the matrix is about one restaurant's people).
 * `public`: open to anyone by design, so a foreign restaurant's answer may be 2xx (still checked for
 * leaks of secrets). `anyRestaurant`: roles for whom the operation is not tenant-bound (a customer
 * orders anywhere). `absentOk`: an allowed caller may get 404 (nothing there yet, by design).
 * An operation of the document missing here fails the suite: a new endpoint needs a line.
 */
export const RULES = {
  'POST /api/v1/auth/guest': { public: true },
  'GET /api/v1/auth/jwks': { public: true },
  'POST /api/v1/auth/login': { public: true },
  // logout with a bearer token revokes that token (by design): the matrix sends it without one
  'POST /api/v1/auth/logout': { public: true, anonymousOnly: true },
  'POST /api/v1/auth/refresh': { public: true },
  'POST /api/v1/auth/register': { public: true },
  'GET /api/v1/auth/me': { allow: TOKENS },
  'GET /api/v1/users': { allow: ['admin'] },
  'POST /api/v1/users': { allow: ['admin'] },
  'GET /api/v1/users/{id}': { allow: ['admin'] },
  'PUT /api/v1/users/{id}': { allow: ['admin'] },
  'DELETE /api/v1/users/{id}': { allow: ['admin'] },
  'GET /api/v1/restaurants': { allow: STAFF },
  'POST /api/v1/restaurants': { allow: [] },
  'GET /api/v1/restaurants/{rid}': { allow: STAFF },
  'PATCH /api/v1/restaurants/{rid}': { allow: ['admin'] },
  'PUT /api/v1/restaurants/{rid}/logo': { allow: ['admin'] },
  'DELETE /api/v1/restaurants/{rid}/logo': { allow: ['admin'], absentOk: true },
  'GET /api/v1/restaurants/{rid}/categories': { allow: STAFF },
  'POST /api/v1/restaurants/{rid}/categories': { allow: ['admin'] },
  'GET /api/v1/restaurants/{rid}/categories/{id}': { allow: STAFF },
  'PUT /api/v1/restaurants/{rid}/categories/{id}': { allow: ['admin'] },
  'DELETE /api/v1/restaurants/{rid}/categories/{id}': { allow: ['admin'] },
  'GET /api/v1/restaurants/{rid}/images/{imageId}': { public: true, absentOk: true },
  'GET /api/v1/restaurants/{rid}/menu': { public: true },
  'POST /api/v1/restaurants/{rid}/menu/quote': { public: true },
  'GET /api/v1/restaurants/{rid}/menu-items': { allow: STAFF },
  'POST /api/v1/restaurants/{rid}/menu-items': { allow: ['admin'] },
  'GET /api/v1/restaurants/{rid}/menu-items/{id}': { allow: STAFF },
  'PUT /api/v1/restaurants/{rid}/menu-items/{id}': { allow: ['admin'] },
  'DELETE /api/v1/restaurants/{rid}/menu-items/{id}': { allow: ['admin'] },
  'PUT /api/v1/restaurants/{rid}/menu-items/{id}/availability': { allow: ['admin', 'chef'] },
  'PATCH /api/v1/restaurants/{rid}/menu-items/{id}/availability': { allow: ['admin', 'chef'] },
  'PUT /api/v1/restaurants/{rid}/menu-items/{id}/image': { allow: ['admin'] },
  'DELETE /api/v1/restaurants/{rid}/menu-items/{id}/image': { allow: ['admin'], absentOk: true },
  'GET /api/v1/restaurants/{rid}/tables': { allow: STAFF },
  'POST /api/v1/restaurants/{rid}/tables': { allow: ['admin'] },
  'GET /api/v1/restaurants/{rid}/tables/qr-sheet': { allow: STAFF },
  'GET /api/v1/restaurants/{rid}/tables/{id}': { allow: STAFF },
  'PUT /api/v1/restaurants/{rid}/tables/{id}': { allow: ['admin'] },
  'DELETE /api/v1/restaurants/{rid}/tables/{id}': { allow: ['admin'] },
  'POST /api/v1/restaurants/{rid}/tables/{id}/qr-token/rotate': { allow: ['admin'] },
  'GET /api/v1/restaurants/{rid}/tables/{id}/qr.png': { allow: STAFF },
  'GET /api/v1/restaurants/{rid}/tables/{id}/qr.svg': { allow: STAFF },
  'PUT /api/v1/restaurants/{rid}/tables/{id}/status': { allow: ['admin', 'waiter'] },
  'PATCH /api/v1/restaurants/{rid}/tables/{id}/status': { allow: ['admin', 'waiter'] },
  'GET /api/v1/tables/{qrToken}': { public: true },
  'GET /api/v1/analytics': { allow: ['admin'] },
  'POST /api/v1/orders': { allow: ['guest', 'customer', 'waiter', 'admin'], anyRestaurant: ['customer'] },
  'GET /api/v1/orders': { allow: TOKENS },
  'GET /api/v1/orders/{id}': { allow: ['guest', ...STAFF] },
  'PUT /api/v1/orders/{id}/status': { allow: ['guest', ...STAFF] },
  'POST /api/v1/sessions': { allow: ['guest', 'waiter', 'admin'] },
  'GET /api/v1/sessions': { allow: STAFF },
  'GET /api/v1/sessions/current': { allow: ['guest'] },
  'GET /api/v1/sessions/{id}': { allow: ['guest', ...STAFF] },
  'GET /api/v1/sessions/{id}/bill': { allow: ['guest', ...STAFF] },
  'POST /api/v1/sessions/{id}/close': { allow: ['waiter', 'admin'] },
  'POST /api/v1/sessions/{id}/service-requests': { allow: ['guest'] },
  // a diner names its own place at the table; staff are not diners (403)
  'PUT /api/v1/sessions/{id}/me': { allow: ['guest'] },
  'GET /api/v1/customers': { allow: STAFF },
  'GET /api/v1/customers/loyalty/{restaurantId}/rate': { allow: ['admin'] },
  'PUT /api/v1/customers/loyalty/{restaurantId}/rate': { allow: ['admin'] },
  'GET /api/v1/customers/me': { allow: ['customer'], anyRestaurant: ['customer'] },
  'PUT /api/v1/customers/me': { allow: ['customer'], anyRestaurant: ['customer'] },
  'GET /api/v1/customers/me/loyalty': { allow: ['customer'], anyRestaurant: ['customer'] },
  'GET /api/v1/customers/me/orders': { allow: ['customer'], anyRestaurant: ['customer'] },
  'GET /api/v1/customers/{customerId}/orders': { allow: STAFF, absentOk: true },
  'POST /api/v1/feedback': { allow: ['customer', 'guest'], absentOk: true },
  'GET /api/v1/feedback': { allow: STAFF },
};

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/** Every operation of an OpenAPI document, safe ones first and the destructive ones last. */
export function operations(document) {
  const ops = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of METHODS) {
      if (item[method]) ops.push({ method: method.toUpperCase(), path, spec: item[method], key: `${method.toUpperCase()} ${path}` });
    }
  }
  // the table's code rotated before tables are deleted, the guest's session closed last of all
  const weight = (op) => (op.method === 'GET' ? 0 : /\/close$/.test(op.path) ? 4 : op.method === 'DELETE' ? 3
    : /rotate$/.test(op.path) ? 2.5 : /\/status$/.test(op.path) ? 2 : 1);
  return ops.sort((a, b) => weight(a) - weight(b) || a.key.localeCompare(b.key));
}

export const snake = (name) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

function resolve(document, schema) {
  let s = schema ?? {};
  for (let i = 0; s.$ref && i < 10; i += 1) s = document.components.schemas[s.$ref.split('/').pop()] ?? {};
  if (s.allOf) return s.allOf.reduce((acc, part) => ({ ...acc, ...resolve(document, part) }), {});
  return s;
}

/**
 * A plausible body for a request schema, with the ids of the restaurant `ids` describes, so that a
 * tenancy check (not validation) decides the answer. Property names in snake_case, as the services read.
 */
export function sampleBody(document, schema, ids, field = '', depth = 0) {
  const s = resolve(document, schema);
  const unique = randomUUID().slice(0, 8);
  if (s.enum) return s.enum[0];
  if (s.type === 'object' || s.properties) {
    const out = {};
    for (const [name, propSchema] of Object.entries(s.properties ?? {})) {
      if (!(s.required ?? []).includes(name) && !/_?id$|Id$|type|label/.test(name)) continue;
      if (depth > 3) continue;
      const value = sampleBody(document, propSchema, ids, snake(name), depth + 1);
      if (value !== undefined) out[snake(name)] = value;
    }
    return out;
  }
  if (s.type === 'array') {
    if (/items|lines/.test(field)) return [sampleBody(document, s.items, ids, 'line', depth + 1)];
    return [];
  }
  const byField = {
    restaurant_id: ids.restaurant, table_id: ids.table, menu_item_id: ids.item, category_id: ids.category,
    order_id: ids.order, session_id: ids.session, customer_id: ids.customer, user_id: ids.user,
  };
  if (field in byField) return byField[field];
  if (/(^|_)id$/.test(field)) return undefined;
  if (s.type === 'string') {
    if (s.format === 'uuid') return undefined;
    if (field === 'email') return `sec-${unique}@example.com`;
    if (field === 'password') return `long-enough-secret-${unique}`;
    if (field === 'currency') return 'EUR';
    if (field === 'time_zone') return 'Europe/Rome';
    if (field === 'type') return 'dine_in';
    if (field === 'table_number') return `S${unique}`;
    if (field === 'status') return 'occupied';
    if (field === 'kind') return 'waiter';
    if (field === 'role') return 'chef';
    return `sec-${unique}`;
  }
  if (s.type === 'integer') return field === 'rating' ? 5 : field === 'quantity' ? 1 : 2;
  if (s.type === 'number') return 5;
  if (s.type === 'boolean') return field === 'is_available' || field === 'is_active';
  return undefined;
}

/** Bodies the schema alone would get wrong (a status the flow takes, a role an admin may create). */
export function overrideBody(key, ids, role) {
  switch (key) {
    case 'PUT /api/v1/orders/{id}/status': return { status: 'CANCELLED' };
    case 'POST /api/v1/sessions/{id}/close': return { status: 'cancelled' };
    case 'PUT /api/v1/restaurants/{rid}/tables/{id}/status':
    case 'PATCH /api/v1/restaurants/{rid}/tables/{id}/status': return { status: 'occupied' };
    case 'PUT /api/v1/users/{id}': return { email: `sec-${randomUUID().slice(0, 8)}@example.com` };
    case 'POST /api/v1/users': {
      const username = `sec-${randomUUID().slice(0, 8)}`;
      return { username, email: `${username}@example.com`, password: 'long-enough-secret', role: 'chef', restaurant_id: ids.restaurant };
    }
    case 'PATCH /api/v1/restaurants/{rid}': return { description: 'checked by the security suite' };
    case 'PUT /api/v1/customers/loyalty/{restaurantId}/rate': return { points_per_unit: 1 };
    case 'POST /api/v1/sessions': return role === 'guest' ? {} : { table_id: ids.table, table_label: 'Security' };
    case 'POST /api/v1/orders': return {
      type: role === 'customer' ? 'takeaway' : 'dine_in', restaurant_id: ids.restaurant,
      ...(role === 'guest' || role === 'customer' ? {} : { table_id: ids.table, table_label: 'Security' }),
      items: [{ menu_item_id: ids.item, quantity: 1, modifier_option_ids: [] }] };
    case 'POST /api/v1/feedback': return { order_id: ids.order, rating: 5, comment: 'security suite' };
    default: return undefined;
  }
}

/** The path with its parameters filled from `ids` (a restaurant's real ids, or random ones). */
export function fillPath(path, ids) {
  const by = { rid: ids.restaurant, restaurantId: ids.restaurant, imageId: ids.image, qrToken: ids.qrToken,
    customerId: ids.customer };
  return path.replace(/\{(\w+)\}/g, (_, name) => {
    if (name in by) return by[name];
    // {id} names the resource of the segment before it
    const segment = path.split(`{${name}}`)[0].split('/').filter(Boolean).pop();
    const id = { users: ids.user, categories: ids.category, 'menu-items': ids.item, tables: ids.table,
      orders: ids.order, sessions: ids.session }[segment];
    if (!id) throw new Error(`no id for {${name}} in ${path}`);
    return id;
  });
}

/** Query parameters that name a restaurant get the target's id. */
export function query(spec, ids) {
  const names = (spec.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
  return names.includes('restaurant_id') ? `?restaurant_id=${ids.restaurant}` : '';
}

const REFUSED = [401, 403, 404];

/**
 * Judges one answer. `kind`: 'foreign' (an actor of one restaurant on another's data) or 'own'.
 * `secrets`: strings of the foreign restaurant no outsider may see (ids of its orders, sessions, users,
 * tables, QR tokens, usernames); those the request itself carried are not counted. `probe`: the answer
 * to the same request with the foreign ids replaced by random ones (an existence oracle when the two
 * differ). Returns {verdict: 'ok' | 'leak' | 'denied' | 'error', why}.
 */
export function classify({ kind, role, rule, status, text = '', requestText = '', secrets = [], foreignIds, probe }) {
  if (status >= 500 || status === 0) return { verdict: 'error', why: `answered ${status} (never a 5xx for a caller)` };
  const leaked = secrets.filter((secret) => secret && text.includes(secret) && !requestText.includes(secret));
  if (kind === 'foreign') {
    if (leaked.length) return { verdict: 'leak', why: `the answer (${status}) holds the other restaurant's ${leaked.slice(0, 3).join(', ')}` };
    // a request that carries none of the other restaurant's ids (a guest's body, say) is about its own
    const aimed = !foreignIds || foreignIds.some((id) => id && requestText.includes(id));
    const bound = aimed && !rule.public && !(rule.anyRestaurant ?? []).includes(role);
    if (bound && status >= 200 && status < 300 && rule.tenantInPath) {
      return { verdict: 'leak', why: `answered ${status} on the other restaurant's resource` };
    }
    if (bound && status >= 200 && status < 300 && /^(POST|PUT|PATCH|DELETE)$/.test(rule.method ?? '')) {
      return { verdict: 'leak', why: `a write on the other restaurant's ids answered ${status}` };
    }
    if (probe !== undefined && status !== probe && !(REFUSED.includes(status) && REFUSED.includes(probe))
      && !(status < 300 && probe < 300)) {
      return { verdict: 'leak', why: `answered ${status} for the real foreign ids but ${probe} for random ones (tells they exist)` };
    }
    if (role === 'anonymous' && !rule.public && status !== 401) return { verdict: 'denied', why: `anonymous got ${status}, not 401` };
    return { verdict: 'ok', why: `${status}` };
  }
  // public operations get made-up bodies (an unknown QR code, a wrong password): only a 5xx is wrong
  if (rule.public) return { verdict: 'ok', why: `${status}` };
  if ((rule.allow ?? []).includes(role)) {
    if (status === 401 || status === 403) return { verdict: 'denied', why: `an allowed ${role} was refused with ${status}` };
    if (status === 404 && !rule.absentOk && !/current/.test(rule.key ?? '')) return { verdict: 'denied', why: `an allowed ${role} got 404 on its own restaurant's resource` };
    return { verdict: 'ok', why: `${status}` };
  }
  if (role === 'anonymous' && status !== 401) return { verdict: 'denied', why: `anonymous got ${status}, not 401` };
  if (!REFUSED.includes(status)) return { verdict: 'denied', why: `a ${role} (not allowed) got ${status}, not 401/403/404` };
  return { verdict: 'ok', why: `${status}` };
}

// ---- JWT forgery ----
const b64url = (data) => Buffer.from(typeof data === 'string' ? data : JSON.stringify(data)).toString('base64url');
export const decode = (token) => {
  const [h, p] = token.split('.');
  return { header: JSON.parse(Buffer.from(h, 'base64url')), payload: JSON.parse(Buffer.from(p, 'base64url')) };
};

export function signJwt(header, payload, key) {
  const input = `${b64url(header)}.${b64url(payload)}`;
  if (/^none$/i.test(header.alg)) return `${input}.`;
  if (header.alg === 'HS256') return `${input}.${createHmac('sha256', key).update(input).digest('base64url')}`;
  const signer = createSign('SHA256').update(input);
  const options = header.alg === 'ES256' ? { key, dsaEncoding: 'ieee-p1363' } : key;
  return `${input}.${signer.sign(options).toString('base64url')}`;
}

/**
 * Forged variants of a real token. `jwk`: the real public key (from the JWKS); `privateKey`: the real
 * signing key, when the test harness can read it (then wrong issuer, wrong audience and expiry are
 * forged with a valid signature, so only the claim is wrong); `jkuUrl`: where a foreign JWKS is served.
 */
export function forgeries(token, { jwk, privateKey, jkuUrl, foreignRestaurant }) {
  const { header, payload } = decode(token);
  const now = Math.floor(Date.now() / 1000);
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const pem = createPublicKey({ key: jwk, format: 'jwk' }).export({ type: 'spki', format: 'pem' });
  const foreignJwk = { ...rsa.publicKey.export({ format: 'jwk' }), kid: header.kid, alg: 'RS256', use: 'sig' };
  const [h, p, s] = token.split('.');
  const tamperedPayload = { ...payload, restaurant_id: foreignRestaurant ?? payload.restaurant_id, groups: ['master_admin'] };
  const list = [
    ['alg none', signJwt({ alg: 'none', typ: 'JWT', kid: header.kid }, payload)],
    ['alg "None"', signJwt({ alg: 'None', typ: 'JWT', kid: header.kid }, payload) + ''],
    ['HS256 signed with the public key (PEM)', signJwt({ ...header, alg: 'HS256' }, payload, pem)],
    ['HS256 signed with the public key (JWK JSON)', signJwt({ ...header, alg: 'HS256' }, payload, JSON.stringify(jwk))],
    ['a foreign RSA key with the real kid', signJwt(header, payload, rsa.privateKey)],
    ['a foreign EC key with the real kid', signJwt({ ...header, alg: 'ES256' }, payload, ec.privateKey)],
    ['an embedded jwk header', signJwt({ ...header, jwk: foreignJwk }, payload, rsa.privateKey)],
    ['a jku header to a foreign JWKS', signJwt({ ...header, jku: jkuUrl }, payload, rsa.privateKey)],
    ['tampered payload (other restaurant, master role), original signature', `${b64url(header)}.${b64url(tamperedPayload)}.${s}`],
    ['original payload with the signature cut off', `${h}.${p}.`],
  ];
  if (privateKey) {
    list.push(
      ['wrong issuer (validly signed)', signJwt(header, { ...payload, iss: 'https://evil.example/auth' }, privateKey)],
      ['expired an hour ago (validly signed)', signJwt(header, { ...payload, iat: now - 5400, exp: now - 3600 }, privateKey)],
      ['expired 30 s ago (leeway must be seconds, fault 1)', signJwt(header, { ...payload, iat: now - 1830, exp: now - 30 }, privateKey)],
      ['issued in the future (validly signed)', signJwt(header, { ...payload, iat: now + 3600, nbf: now + 3600, exp: now + 5400 }, privateKey)],
    );
  }
  return { list, foreignJwks: { keys: [foreignJwk] } };
}

// ---- security headers ----
/** What a response's headers lack of issue 12's fault 7; [] when all is well. */
export function headerFaults(headers, { html = false, asset = false } = {}) {
  const get = (name) => headers.get?.(name) ?? headers[name.toLowerCase()] ?? null;
  const faults = [];
  const csp = get('content-security-policy');
  if (!csp) faults.push('no Content-Security-Policy');
  else {
    const scripts = (/script-src ([^;]*)/.exec(csp) ?? /default-src ([^;]*)/.exec(csp))?.[1];
    if (!scripts) faults.push('CSP has neither script-src nor default-src');
    else if (/'unsafe-inline'|'unsafe-eval'|\*/.test(scripts)) faults.push(`CSP allows inline/eval/any script: ${scripts}`);
  }
  if ((get('x-content-type-options') ?? '').toLowerCase() !== 'nosniff') faults.push('no X-Content-Type-Options: nosniff');
  if (!/frame-ancestors/.test(csp ?? '') && !/^(deny|sameorigin)$/i.test(get('x-frame-options') ?? '')) {
    faults.push('neither CSP frame-ancestors nor X-Frame-Options');
  }
  const referrer = get('referrer-policy');
  if (!referrer || /unsafe-url|no-referrer-when-downgrade/.test(referrer)) faults.push(`Referrer-Policy missing or weak (${referrer})`);
  if (!get('permissions-policy')) faults.push('no Permissions-Policy');
  const cache = get('cache-control') ?? '';
  if (html && !/no-cache|no-store/.test(cache)) faults.push(`index.html not no-cache (Cache-Control: ${cache || 'none'})`);
  if (asset && !/immutable/.test(cache)) faults.push(`a hashed asset is not immutable (Cache-Control: ${cache || 'none'})`);
  return faults;
}

/** Inline scripts in an HTML page (a CSP without 'unsafe-inline' would block them, so they must not be there). */
export function inlineScripts(html) {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter(([, attributes, body]) => !/\bsrc=/.test(attributes) && body.trim() !== '').length;
}
