import { afterEach, describe, expect, it, vi } from 'vitest';
import { request } from '../api/client';
import { fakeJwt, json, scriptFetch } from '../test/fakes';
import { guestFor, guestToken } from './guest';

const guestJwt = (expInSeconds: number) => fakeJwt({ sub: 'g', groups: ['guest'], restaurant_id: 'r', table_id: 't', exp: Math.floor(Date.now() / 1000) + expInSeconds });
const minted = (token: string) => ({ access_token: token, token_type: 'bearer', expires_in: 14400, restaurant_id: 'r', table_id: 't', table_label: 'Sala 1', restaurant_name: 'Roma' });

describe('guest token', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is minted from the QR token once and kept for the tab', async () => {
    const token = guestJwt(4 * 3600);
    const calls = scriptFetch(json(200, minted(token)));
    await guestFor('qr-a');
    await guestFor('qr-a');
    expect(calls).toHaveLength(1);
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual({ qr_token: 'qr-a' });
    await expect(guestToken()).resolves.toBe(token);
  });

  it('is minted again shortly before it expires, and after a 401', async () => {
    const old = guestJwt(30);
    const fresh = guestJwt(4 * 3600);
    const newer = guestJwt(4 * 3600 + 1);
    const calls = scriptFetch(json(200, minted(old)), json(200, minted(fresh)), json(401, { title: 'Unauthorized' }), json(200, minted(newer)), json(200, { ok: true }));
    await guestFor('qr-b');
    await expect(guestToken()).resolves.toBe(fresh);
    await expect(request('/api/v1/sessions/current', { auth: 'guest' })).resolves.toEqual({ ok: true });
    expect(calls.map((c) => c.url)).toEqual(['/api/v1/auth/guest', '/api/v1/auth/guest', '/api/v1/sessions/current', '/api/v1/auth/guest', '/api/v1/sessions/current']);
    expect((calls[4]!.init.headers as Record<string, string>).Authorization).toBe(`Bearer ${newer}`);
  });
});
