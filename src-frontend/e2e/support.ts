import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

export interface Login {
  username: string;
  password: string;
}

export interface DemoRestaurant {
  id: string;
  name: string;
  currency: string;
  time_zone: string;
  admin: Login;
  chef: Login;
  waiter: Login;
  tables: { id: string; label: string; qr_token: string }[];
  items: { id: string; name: string; category: string; price: number; modifier_groups: { id: string; name: string; options: { id: string; name: string }[] }[] }[];
}

export interface Demo {
  master: Login;
  restaurants: DemoRestaurant[];
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} must be set: the browser tests run against a running system (see README.md, End-to-end tests)`);
  return value;
}

export const baseUrl = (): string => required('TAVOLA_BASE_URL').replace(/\/$/, '');

export function loadDemo(): Demo {
  const demo = JSON.parse(readFileSync(required('TAVOLA_DEMO_JSON'), 'utf8')) as Demo;
  if (!demo.restaurants?.length) throw new Error('the demo data names no restaurants');
  return demo;
}

export const outputDir = resolve(process.env.TAVOLA_TEST_OUTPUT ?? 'test-results');
export const screenshotDir = join(outputDir, 'screenshots');
export const downloadDir = join(outputDir, 'downloads');
mkdirSync(screenshotDir, { recursive: true });
mkdirSync(downloadDir, { recursive: true });

/**
 * Debian's Chromium, never a downloaded browser. Playwright gives each launch a fresh temporary profile
 * (its own --user-data-dir), so no state leaks between runs.
 */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function newContext(browser: Browser, phone = false, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    acceptDownloads: true,
    ...(phone ? { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : { viewport: { width: 1366, height: 900 } }),
    ...options,
  });
  context.setDefaultTimeout(20_000);
  return context;
}

/** Opens a staff page, logging in through the app's own login form when it asks. */
export async function staffLogin(page: Page, path: string, login: Login): Promise<void> {
  await page.goto(path);
  const form = page.getByRole('button', { name: 'Sign in', exact: true });
  const signOut = page.getByRole('button', { name: /^Sign out/ });
  await form.or(signOut).first().waitFor();
  if (await signOut.isVisible()) return;
  await page.getByLabel('Username or email').fill(login.username);
  await page.getByLabel('Password').fill(login.password);
  // the gateway allows 10 sign-ins a minute per address (the seed just spent some): wait as it says
  const button = page.getByRole('button', { name: 'Sign in', exact: true });
  const refused = page.getByRole('alert').filter({ hasText: /too many requests/i });
  for (let attempt = 0; attempt < 4; attempt++) {
    await button.click();
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      if (!(await button.isVisible())) return;
      if (await refused.isVisible()) break;
      await page.waitForTimeout(200);
    }
    if (!(await refused.isVisible())) break;
    await page.waitForTimeout(retryAfterMs(await refused.innerText()));
  }
  throw new Error(`${login.username} could not sign in: ${(await page.getByRole('alert').allInnerTexts()).join(' / ') || 'no answer'}`);
}

function retryAfterMs(text: string): number {
  const seconds = Number(/retry after (\d+)/i.exec(text)?.[1] ?? 30);
  return (seconds + 1) * 1000;
}

/** Marks the document, so a test can prove later that the page was never reloaded. */
export async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __tavolaMark: number }).__tavolaMark = 42;
  });
}

export async function stillSameDocument(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { __tavolaMark?: number }).__tavolaMark === 42);
}

export function shot(name: string): string {
  return join(screenshotDir, name);
}

/** Direct API call through the gateway, for test preconditions only (the journeys themselves go through the UI). */
export async function api<T>(path: string, init: { method?: string; body?: unknown; token?: string } = {}): Promise<T> {
  let response: Response;
  for (let attempt = 0; ; attempt++) {
    response = await fetch(`${baseUrl()}/api/v1${path}`, {
      method: init.method ?? 'GET',
      headers: { 'Content-Type': 'application/json', ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}) },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    // the gateway's budgets (sign-ins, guest tokens) are per address and shared with the seed: wait as told
    if (response.status !== 429 || attempt >= 3) break;
    await new Promise((r) => setTimeout(r, (Number(response.headers.get('Retry-After')) || 30) * 1000 + 500));
  }
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path} answered ${response.status}: ${await response.text()}`);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

const tokens = new Map<string, Promise<string>>();

/** One API sign-in per account and run (sign-ins are rate limited). */
export function tokenOf(login: Login): Promise<string> {
  let token = tokens.get(login.username);
  if (!token) {
    token = api<{ access_token: string }>('/auth/login', { method: 'POST', body: login }).then((t) => t.access_token);
    tokens.set(login.username, token);
  }
  return token;
}

export async function setAvailable(restaurant: DemoRestaurant, itemId: string, available: boolean): Promise<void> {
  const access_token = await tokenOf(restaurant.admin);
  await api(`/restaurants/${restaurant.id}/menu-items/${itemId}/availability`, { method: 'PUT', body: { is_available: available }, token: access_token });
}

/**
 * A demo table with no open session, so the test's order opens the table's tab itself (and names it). A
 * table used in the last two minutes may still be in its call-the-waiter cooldown: tests that call the
 * staff ask for a `rested` one; the others take a rested one when there is one, else any free table
 * (a fast run uses all six of Roma's tables within two minutes).
 */
export async function freeTable(restaurant: DemoRestaurant, { rested: needsRest = false } = {}): Promise<DemoRestaurant['tables'][number]> {
  const access_token = await tokenOf(restaurant.waiter);
  const open = await api<{ items: { id: string; table_id: string }[] }>(`/sessions?status=open&size=100`, { token: access_token });
  const busy = new Set(open.items.map((s) => s.table_id));
  const ledger = join(outputDir, 'tables-used.json');
  const used: Record<string, number> = existsSync(ledger) ? (JSON.parse(readFileSync(ledger, 'utf8')) as Record<string, number>) : {};
  const rested = (t: { id: string }) => Date.now() - (used[t.id] ?? 0) > 120_000;
  const usable = (t: { id: string }) => !needsRest || rested(t);
  let table = restaurant.tables.find((t) => !busy.has(t.id) && rested(t))
    ?? restaurant.tables.find((t) => !busy.has(t.id) && usable(t));
  if (!table) {
    // earlier runs that stopped half-way left the tables busy: settle the oldest usable tab as a waiter would
    const oldest = open.items.find((s) => restaurant.tables.some((t) => t.id === s.table_id && usable(t)));
    if (!oldest) throw new Error(`every table of ${restaurant.name} was used in the last two minutes`);
    await settleSession(oldest.id, access_token);
    table = restaurant.tables.find((t) => t.id === oldest.table_id)!;
  }
  writeFileSync(ledger, JSON.stringify({ ...used, [table.id]: Date.now() }));
  return table;
}

const FLOW = ['PENDING', 'CONFIRMED', 'PREPARING', 'READY', 'SERVED'];

/** Serves every active order of a session, then closes it as paid. */
export async function settleSession(sessionId: string, token: string): Promise<void> {
  const session = await api<{ orders: { id: string; status: string }[] }>(`/sessions/${sessionId}`, { token });
  for (const order of session.orders) {
    for (let i = FLOW.indexOf(order.status) + 1; i > 0 && i < FLOW.length; i++) {
      await api(`/orders/${order.id}/status`, { method: 'PUT', body: { status: FLOW[i] }, token });
    }
  }
  await api(`/sessions/${sessionId}/close`, { method: 'POST', body: { status: 'completed' }, token });
}

/** Moves an order along the status flow as the kitchen would, up to `to` (SERVED by default). */
export async function advanceOrder(restaurant: DemoRestaurant, orderId: string, to = 'SERVED'): Promise<void> {
  const token = await tokenOf(restaurant.waiter);
  const order = await api<{ status: string }>(`/orders/${orderId}`, { token });
  for (let i = FLOW.indexOf(order.status) + 1; i > 0 && i <= FLOW.indexOf(to); i++) {
    await api(`/orders/${orderId}/status`, { method: 'PUT', body: { status: FLOW[i] }, token });
  }
}

/** A diner at `table` as the API sees it: a guest token and the table's session (opened or joined). */
export async function guestAt(table: DemoRestaurant['tables'][number]): Promise<{ token: string; sessionId: string }> {
  const token = (await api<{ access_token: string }>('/auth/guest', { method: 'POST', body: { qr_token: table.qr_token } })).access_token;
  const session = await api<{ id: string }>('/sessions', { method: 'POST', body: { table_label: table.label }, token });
  return { token, sessionId: session.id };
}

export interface PlacedOrder {
  id: string;
  status: string;
  created_at: string;
}

/** Places an order as that diner: `lines` of [menu item, quantity], no options. */
export function placeOrder(token: string, lines: [string, number][]): Promise<PlacedOrder> {
  return api<PlacedOrder>('/orders', { method: 'POST', token, body: { type: 'dine_in', items: lines.map(([id, quantity]) => ({ menu_item_id: id, quantity, modifier_option_ids: [] })) } });
}

/** The short reference the app shows for an order (#3F2A). */
export const orderRef = (id: string) => `#${id.replace(/-/g, '').slice(0, 4).toUpperCase()}`;

/** "HH:MM" of an instant on the clock of `timeZone`, 24-hour. */
export function clockIn(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(new Date(iso));
}

/** Leaves the table free for the next run: settles its open session, if any. */
export async function freeUp(restaurant: DemoRestaurant, tableId: string): Promise<void> {
  const access_token = await tokenOf(restaurant.waiter);
  const open = await api<{ items: { id: string; table_id: string }[] }>(`/sessions?status=open&size=100`, { token: access_token });
  for (const s of open.items.filter((x) => x.table_id === tableId)) await settleSession(s.id, access_token);
}

/**
 * A table of the test's own (the demo's few tables are shared by every file's journeys and rest two
 * minutes after a call): `done` settles its tab, if any, and removes it.
 */
export async function scratchTable(restaurant: DemoRestaurant, label: string): Promise<DemoRestaurant['tables'][number] & { done: () => Promise<void> }> {
  const token = await tokenOf(restaurant.admin);
  const number = `S${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`.slice(0, 20);
  const table = await api<{ id: string; label: string; qr_token: string }>(`/restaurants/${restaurant.id}/tables`, { method: 'POST', token, body: { table_number: number, label, capacity: 2 } });
  const done = async () => {
    await freeUp(restaurant, table.id);
    await fetch(`${baseUrl()}/api/v1/restaurants/${restaurant.id}/tables/${table.id}`, { method: 'DELETE', headers: { Authorization: `Bearer ${token}` } });
  };
  return { id: table.id, label: table.label, qr_token: table.qr_token, done };
}
