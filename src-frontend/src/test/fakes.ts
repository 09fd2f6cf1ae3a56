import { vi } from 'vitest';

/** An unsigned JWT with these claims (the app only reads claims; the services verify signatures). */
export function fakeJwt(claims: Record<string, unknown>): string {
  const enc = (o: unknown) => btoa(JSON.stringify(o)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${enc({ alg: 'RS256' })}.${enc(claims)}.sig`;
}

export function staffJwt(overrides: Record<string, unknown> = {}): string {
  return fakeJwt({ sub: 'u1', username: 'roma-admin', groups: ['restaurant_admin'], restaurant_id: 'r1', exp: Math.floor(Date.now() / 1000) + 1800, ...overrides });
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
  });
}

/** Replaces fetch with a script of answers, recording each call. */
export function scriptFetch(...answers: (Response | ((url: string, init: RequestInit) => Response | Promise<Response>))[]) {
  const calls: { url: string; init: RequestInit }[] = [];
  const mock = vi.fn(async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const next = answers.shift();
    if (!next) throw new Error(`unexpected fetch ${url}`);
    return typeof next === 'function' ? next(url, init) : next;
  });
  vi.stubGlobal('fetch', mock);
  return calls;
}
