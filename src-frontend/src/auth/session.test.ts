import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, request } from '../api/client';
import { json, scriptFetch, staffJwt } from '../test/fakes';
import { currentRestaurantId, useSession } from './session';

function headerOf(init: RequestInit, name: string): string | undefined {
  return (init.headers as Record<string, string>)[name];
}

describe('staff session', () => {
  beforeEach(() => useSession.getState().clear());
  afterEach(() => vi.unstubAllGlobals());

  it('logs in, keeps both tokens and reads who the user is from the access token', async () => {
    const access = staffJwt();
    const calls = scriptFetch(json(200, { access_token: access, refresh_token: 'r-1', token_type: 'bearer', expires_in: 1800 }));
    const user = await useSession.getState().login('roma-admin', 'secret-password');
    expect(user).toEqual({ id: 'u1', username: 'roma-admin', role: 'restaurant_admin', restaurantId: 'r1' });
    expect(useSession.getState().refreshToken).toBe('r-1');
    expect(calls[0]!.url).toBe('/api/v1/auth/login');
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual({ username: 'roma-admin', password: 'secret-password' });
    expect(JSON.parse(localStorage.getItem('tavola.staff-session') ?? '{}').state.refreshToken).toBe('r-1');
  });

  it('surfaces the problem title and detail of a refused login and stays logged out', async () => {
    scriptFetch(json(401, { title: 'Unauthorized', status: 401, detail: 'Wrong username or password' }));
    const error = await useSession.getState().login('x', 'y').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).title).toBe('Unauthorized');
    expect((error as ApiError).detail).toBe('Wrong username or password');
    expect(useSession.getState().user).toBeNull();
  });

  it('refuses diner accounts in the staff console', async () => {
    scriptFetch(json(200, { access_token: staffJwt({ groups: ['customer'], restaurant_id: null }), refresh_token: 'r', token_type: 'bearer', expires_in: 1 }));
    await expect(useSession.getState().login('c', 'p')).rejects.toMatchObject({ status: 403 });
    expect(useSession.getState().accessToken).toBeNull();
  });

  it('after a 401 refreshes once, rotates the refresh token and retries the call with the new token', async () => {
    useSession.setState({ accessToken: staffJwt(), refreshToken: 'r-old', user: { id: 'u1', username: 'a', role: 'restaurant_admin', restaurantId: 'r1' } });
    const renewed = staffJwt({ username: 'renewed' });
    const calls = scriptFetch(
      json(401, { title: 'Unauthorized', status: 401 }),
      json(200, { access_token: renewed, refresh_token: 'r-new', token_type: 'bearer', expires_in: 1800 }),
      json(200, { ok: true }),
    );
    await expect(request('/api/v1/orders')).resolves.toEqual({ ok: true });
    expect(calls.map((c) => c.url)).toEqual(['/api/v1/orders', '/api/v1/auth/refresh', '/api/v1/orders']);
    expect(JSON.parse(String(calls[1]!.init.body))).toEqual({ refresh_token: 'r-old' });
    expect(headerOf(calls[2]!.init, 'Authorization')).toBe(`Bearer ${renewed}`);
    expect(useSession.getState().refreshToken).toBe('r-new');
  });

  it('shares one refresh between callers that ask at the same time', async () => {
    useSession.setState({ accessToken: staffJwt(), refreshToken: 'r-old' });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const calls = scriptFetch(async () => {
      await gate;
      return json(200, { access_token: staffJwt(), refresh_token: 'r-new', token_type: 'bearer', expires_in: 1800 });
    });
    const a = useSession.getState().refresh();
    const b = useSession.getState().refresh();
    release();
    const [ta, tb] = await Promise.all([a, b]);
    expect(ta).toBe(tb);
    expect(calls).toHaveLength(1);
  });

  it('refreshes ahead of time when the access token is about to expire', async () => {
    useSession.setState({ accessToken: staffJwt({ exp: Math.floor(Date.now() / 1000) + 10 }), refreshToken: 'r-old' });
    const fresh = staffJwt();
    const calls = scriptFetch(json(200, { access_token: fresh, refresh_token: 'r-new', token_type: 'bearer', expires_in: 1800 }), json(200, []));
    await request('/api/v1/orders');
    expect(calls[0]!.url).toBe('/api/v1/auth/refresh');
    expect(headerOf(calls[1]!.init, 'Authorization')).toBe(`Bearer ${fresh}`);
  });

  it('ends the session when the refresh token is refused, and the original 401 stands', async () => {
    useSession.setState({ accessToken: staffJwt(), refreshToken: 'r-reused', user: { id: 'u1', username: 'a', role: 'chef', restaurantId: 'r1' } });
    scriptFetch(json(401, { title: 'Unauthorized' }), json(401, { title: 'Unauthorized', detail: 'This refresh token was already used' }));
    await expect(request('/api/v1/orders')).rejects.toMatchObject({ status: 401 });
    expect(useSession.getState().user).toBeNull();
    expect(useSession.getState().refreshToken).toBeNull();
  });

  it('keeps the session when the refresh fails on the network', async () => {
    useSession.setState({ accessToken: staffJwt(), refreshToken: 'r-1', user: { id: 'u1', username: 'a', role: 'chef', restaurantId: 'r1' } });
    scriptFetch(() => {
      throw new TypeError('Failed to fetch');
    });
    await expect(useSession.getState().refresh()).resolves.toBeNull();
    expect(useSession.getState().refreshToken).toBe('r-1');
  });

  it('logs out: forgets the tokens locally and revokes the refresh token', async () => {
    const access = staffJwt();
    useSession.setState({ accessToken: access, refreshToken: 'r-1', user: { id: 'u1', username: 'a', role: 'chef', restaurantId: 'r1' } });
    const calls = scriptFetch(new Response(null, { status: 204 }));
    await useSession.getState().logout();
    expect(useSession.getState().user).toBeNull();
    expect(calls[0]!.url).toBe('/api/v1/auth/logout');
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual({ refresh_token: 'r-1' });
    expect(headerOf(calls[0]!.init, 'Authorization')).toBe(`Bearer ${access}`);
  });

  it('works on the own restaurant, or the one a master admin picked', () => {
    expect(currentRestaurantId({ user: { id: 'u', username: 'c', role: 'chef', restaurantId: 'r1' }, selectedRestaurantId: 'r9' })).toBe('r1');
    expect(currentRestaurantId({ user: { id: 'u', username: 'm', role: 'master_admin', restaurantId: null }, selectedRestaurantId: 'r9' })).toBe('r9');
    expect(currentRestaurantId({ user: null, selectedRestaurantId: 'r9' })).toBeNull();
  });
});
