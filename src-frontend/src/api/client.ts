import type { Problem } from './types';

/** A failed call, carrying the problem+json `title`/`detail` the services answer with. */
export class ApiError extends Error {
  readonly status: number;
  /** The problem's kind, the last segment of its stable `type` URI (`session-has-open-orders`). */
  readonly kind: string | undefined;
  readonly title: string;
  readonly detail: string | undefined;
  readonly fieldErrors: { field: string; message: string }[];
  readonly retryAfterSeconds: number | undefined;

  constructor(status: number, problem: Problem, retryAfterSeconds?: number) {
    super(problem.detail ?? problem.title ?? `Request failed (${status})`);
    this.name = 'ApiError';
    this.status = status;
    this.kind = problem.type?.split('/').pop() || undefined;
    this.title = problem.title ?? (status === 0 ? 'Network error' : `Request failed (${status})`);
    this.detail = problem.detail;
    this.fieldErrors = problem.errors ?? [];
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** Who a request speaks as: the logged-in staff member, the diner's guest token, or nobody. */
export type AuthKind = 'staff' | 'guest' | 'none';

/**
 * Where a kind of token comes from. `current` may refresh ahead of expiry; `renew` is called once
 * after a 401 and answers a new token or null (then the 401 stands).
 */
export interface TokenSource {
  current(): Promise<string | null>;
  renew(): Promise<string | null>;
}

const sources: Partial<Record<Exclude<AuthKind, 'none'>, TokenSource>> = {};

export function setTokenSource(kind: Exclude<AuthKind, 'none'>, source: TokenSource | undefined): void {
  if (source) sources[kind] = source;
  else delete sources[kind];
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  auth?: AuthKind;
  headers?: Record<string, string>;
  /** Answer the Response itself (images, QR codes, HTML sheets). */
  raw?: boolean;
  signal?: AbortSignal;
}

async function send(path: string, opts: RequestOptions, token: string | null): Promise<Response> {
  // raw answers (QR images, the printable sheet) are not JSON; their errors still are
  const accept = opts.raw ? '*/*' : 'application/json, application/problem+json';
  const headers: Record<string, string> = { Accept: accept, ...opts.headers };
  let body: BodyInit | undefined;
  if (opts.body instanceof Blob || opts.body instanceof ArrayBuffer) {
    body = opts.body;
  } else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  if (token) headers.Authorization = `Bearer ${token}`;
  try {
    return await fetch(path, { method: opts.method ?? 'GET', headers, body, signal: opts.signal });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, { title: 'Network error', detail: 'The server could not be reached. Check the connection and try again.' });
  }
}

export async function toApiError(response: Response): Promise<ApiError> {
  let problem: Problem = {};
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    try {
      problem = (await response.json()) as Problem;
    } catch {
      problem = {};
    }
  }
  if (!problem.title) problem.title = response.statusText || `Request failed (${response.status})`;
  const retry = Number(response.headers.get('Retry-After'));
  return new ApiError(response.status, problem, Number.isFinite(retry) && retry > 0 ? retry : undefined);
}

/** The one way the app calls the API: JSON in and out, problem+json errors, one token renewal on 401. */
export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const kind = opts.auth ?? 'staff';
  const source = kind === 'none' ? undefined : sources[kind];
  let token = source ? await source.current() : null;
  let response = await send(path, opts, token);
  if (response.status === 401 && source) {
    token = await source.renew();
    if (token) response = await send(path, opts, token);
  }
  if (!response.ok) throw await toApiError(response);
  if (opts.raw) return response as unknown as T;
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Query string from defined values only. */
export function qs(params: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** A message for people: the problem's title and detail. */
export function describeError(error: unknown): { title: string; detail?: string } {
  if (error instanceof ApiError) {
    // a single field's fault is often the detail itself ("to: must not be before from"): say it once
    const fields = error.fieldErrors
      .map((f) => `${f.field}: ${f.message}`)
      .filter((f) => !error.detail?.includes(f))
      .join('; ');
    const detail = [error.detail !== error.title ? error.detail : undefined, fields || undefined].filter(Boolean).join(' — ');
    return detail ? { title: error.title, detail } : { title: error.title };
  }
  if (error instanceof Error) return { title: 'Something went wrong', detail: error.message };
  return { title: 'Something went wrong' };
}
