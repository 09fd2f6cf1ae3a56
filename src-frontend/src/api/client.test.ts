import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, scriptFetch } from '../test/fakes';
import { ApiError, describeError, qs, request } from './client';

describe('api client', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('turns a problem+json answer into an error with title, detail, fields and Retry-After', async () => {
    scriptFetch(
      json(
        429,
        { type: 'https://tavola.io/problems/too-many-requests', title: 'Too Many Requests', status: 429, detail: 'Wait a moment', errors: [{ field: 'kind', message: 'cooldown' }] },
        { 'Retry-After': '90' },
      ),
    );
    const error = (await request('/api/v1/x', { auth: 'none' }).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 429, kind: 'too-many-requests', title: 'Too Many Requests', detail: 'Wait a moment', retryAfterSeconds: 90 });
    expect(describeError(error)).toEqual({ title: 'Too Many Requests', detail: 'Wait a moment — kind: cooldown' });
  });

  it("says a validation fault once when the detail already names it (analytics' inverted range)", () => {
    const error = new ApiError(400, {
      type: 'https://tavola.io/problems/validation-failed',
      title: 'Validation failed',
      detail: 'to: must not be before from',
      errors: [{ field: 'to', message: 'must not be before from' }],
    });
    expect(describeError(error)).toEqual({ title: 'Validation failed', detail: 'to: must not be before from' });
  });

  it('names a network failure plainly', async () => {
    scriptFetch(() => {
      throw new TypeError('Failed to fetch');
    });
    await expect(request('/api/v1/x', { auth: 'none' })).rejects.toMatchObject({ status: 0, title: 'Network error' });
  });

  it('sends JSON bodies and answers undefined for 204', async () => {
    const calls = scriptFetch(new Response(null, { status: 204 }));
    await expect(request('/api/v1/x', { method: 'POST', body: { a: 1 }, auth: 'none' })).resolves.toBeUndefined();
    expect((calls[0]!.init.headers as Record<string, string>)['Content-Type']).toBe('application/json');
    expect(calls[0]!.init.body).toBe('{"a":1}');
  });

  it('builds query strings from the values that are set', () => {
    expect(qs({ a: 1, b: undefined, c: null, d: '', e: true })).toBe('?a=1&e=true');
    expect(qs({})).toBe('');
  });
});
