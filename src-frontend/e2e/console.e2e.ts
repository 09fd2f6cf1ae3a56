import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { advanceOrder, api, clockIn, freeTable, freeUp, guestAt, launch, loadDemo, newContext, orderRef, placeOrder, scratchTable, settleSession, shot, staffLogin, tokenOf, type DemoRestaurant } from './support';

/**
 * The staff console's faults and gaps of issue 17 (fault 10 and the console gaps): a tab with unserved
 * orders says which and offers a way forward, analytics keeps its page on an inverted range and has
 * presets, an unknown page shows the app's not-found page, destructive actions ask first, and times are
 * the restaurant's. The manager's browser sits in Tokyo while the restaurant is in Rome.
 */
describe('the staff console', () => {
  let roma: DemoRestaurant;
  let browser: Browser;
  let context: BrowserContext;
  let admin: Page;
  const tables: string[] = [];
  const errors: string[] = [];
  const dish = () => roma.items.find((i) => i.modifier_groups.length === 0)!;

  beforeAll(async () => {
    roma = loadDemo().restaurants[0]!;
    browser = await launch();
    context = await newContext(browser, false, { timezoneId: 'Asia/Tokyo', locale: 'en-GB' });
    admin = await context.newPage();
    admin.on('pageerror', (e) => errors.push(e.message));
    await staffLogin(admin, '/admin/orders', roma.admin);
  });

  afterAll(async () => {
    await browser?.close();
    for (const id of tables) await freeUp(roma, id);
  });

  const openBill = async (label: string) => {
    await admin.goto('/admin/sessions');
    const row = admin.getByRole('listitem').filter({ hasText: label }).filter({ has: admin.getByRole('button', { name: 'Bill' }) });
    await row.getByRole('button', { name: 'Bill' }).click();
    const bill = admin.getByRole('dialog', { name: `Bill · ${label}` });
    await bill.getByTestId('bill').waitFor();
    return bill;
  };

  it("a tab with unserved orders says which they are, serves or cancels them, then closes; the orders board writes the restaurant's time (fault 10, dates)", async () => {
    const table = await freeTable(roma);
    tables.push(table.id);
    const diner = await guestAt(table);
    // the restaurant confirms by itself: both orders are CONFIRMED, not served
    const kept = await placeOrder(diner.token, [[dish().id, 2]]);
    const dropped = await placeOrder(diner.token, [[dish().id, 1]]);

    // the orders board writes the order's time on the restaurant's clock (Rome), not the browser's (Tokyo)
    await admin.goto('/admin/orders');
    const row = admin.getByTestId('admin-order').filter({ hasText: orderRef(kept.id) });
    const shown = await row.getByTestId('order-time').innerText();
    expect(shown).toContain(clockIn(kept.created_at, 'Europe/Rome'));
    expect(shown).not.toContain(clockIn(kept.created_at, 'Asia/Tokyo'));

    const bill = await openBill(table.label);
    await bill.getByRole('button', { name: 'Mark paid and close' }).click();
    const open = bill.getByRole('region', { name: 'Orders not served' });
    await open.waitFor();
    expect(await open.getByTestId('open-order').count()).toBe(2);
    const text = await open.innerText();
    expect(text).toContain(orderRef(kept.id));
    expect(text).toContain(orderRef(dropped.id));
    expect(text).toContain('CONFIRMED');
    expect(text).toContain(clockIn(kept.created_at, 'Europe/Rome'));
    expect(await bill.getByText(/Conflict/).count()).toBe(0);
    await admin.screenshot({ path: shot('console-unserved-orders.png') });

    await open.getByRole('button', { name: `Cancel ${orderRef(dropped.id)}` }).click();
    await open.locator(`[data-order-id="${dropped.id}"]`).waitFor({ state: 'detached' });
    await open.getByRole('button', { name: `Mark ${orderRef(kept.id)} served` }).click();
    await open.getByText('Every order of this tab is served now.').waitFor();
    await open.getByRole('button', { name: 'Mark paid and close' }).click();
    await bill.waitFor({ state: 'detached' });

    const waiter = await tokenOf(roma.waiter);
    const tab = await api<{ status: string; orders: { id: string; status: string }[] }>(`/sessions/${diner.sessionId}`, { token: waiter });
    expect(tab.status).toBe('completed');
    expect(Object.fromEntries(tab.orders.map((o) => [o.id, o.status]))).toEqual({ [kept.id]: 'COMPLETED', [dropped.id]: 'CANCELLED' });
  });

  it('"Clear table" closes a finished party\'s tab in one tap, and the next party at the table starts with an empty tab (fault 3)', async () => {
    const table = await freeTable(roma);
    tables.push(table.id);
    const party = await guestAt(table);
    const eaten = await placeOrder(party.token, [[dish().id, 2]]);
    await advanceOrder(roma, eaten.id, 'SERVED');

    await admin.goto('/admin/sessions');
    const row = admin.getByRole('listitem').filter({ hasText: table.label }).filter({ has: admin.getByRole('button', { name: 'Bill' }) });
    const clear = row.getByRole('button', { name: `Clear ${table.label}` });
    await clear.waitFor();
    await admin.screenshot({ path: shot('console-clear-table.png') });
    await clear.click();
    await row.waitFor({ state: 'detached' });
    const waiter = await tokenOf(roma.waiter);
    const closed = await api<{ status: string; orders: { status: string }[] }>(`/sessions/${party.sessionId}`, { token: waiter });
    expect(closed.status).toBe('completed');
    expect(closed.orders.map((o) => o.status)).toEqual(['COMPLETED']);

    // the next party scans the same code: a menu with no trace of the previous diners' orders
    const phone = await newContext(browser, true);
    const next = await phone.newPage();
    next.on('pageerror', (e) => errors.push(e.message));
    await next.goto(`/t/${table.qr_token}`);
    await next.getByRole('heading', { level: 1, name: roma.name }).waitFor();
    await next.getByText(/No orders yet/).waitFor();
    expect(await next.getByRole('button', { name: 'View the bill' }).count()).toBe(0);
    await next.screenshot({ path: shot('diner-next-party.png') });
    await phone.close();
  });

  it('closing a tab without payment asks first, and goes back when told to', async () => {
    const table = await freeTable(roma);
    tables.push(table.id);
    const diner = await guestAt(table);
    const waiter = await tokenOf(roma.waiter);
    const status = async () => (await api<{ status: string }>(`/sessions/${diner.sessionId}`, { token: waiter })).status;

    const bill = await openBill(table.label);
    await bill.getByRole('button', { name: 'Close without payment' }).click();
    const confirm = admin.getByRole('dialog', { name: 'Close without payment?' });
    await confirm.waitFor();
    await admin.screenshot({ path: shot('console-confirm-close.png') });
    await confirm.getByRole('button', { name: 'Go back' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect(await status()).toBe('open');

    await bill.getByRole('button', { name: 'Close without payment' }).click();
    await confirm.getByRole('button', { name: 'Close without payment' }).click();
    await bill.waitFor({ state: 'detached' });
    await expect.poll(status).toBe('cancelled');
  });

  it('analytics: presets in the restaurant calendar, and an inverted range says so once and keeps the report (fault 10)', async () => {
    await admin.goto('/admin/analytics');
    const report = admin.getByTestId('analytics');
    await report.waitFor();
    const romeDay = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(ms);
    const yesterday = romeDay(Date.parse(`${romeDay(Date.now())}T12:00:00Z`) - 86_400_000);
    const from = admin.getByLabel('From');
    const to = admin.getByLabel('To');

    const [answer] = await Promise.all([
      admin.waitForResponse((r) => r.url().includes('/api/v1/analytics?') && r.url().includes(`from=${yesterday}&to=${yesterday}`)),
      admin.getByRole('button', { name: 'Yesterday' }).click(),
    ]);
    expect(answer.status()).toBe(200);
    expect([await from.inputValue(), await to.inputValue()]).toEqual([yesterday, yesterday]);
    expect(await admin.getByRole('button', { name: 'Yesterday' }).getAttribute('aria-pressed')).toBe('true');

    await admin.getByRole('button', { name: 'Last 30 days' }).click();
    await expect.poll(() => report.locator('dt', { hasText: 'Orders' }).locator('xpath=following-sibling::dd[1]').innerText()).not.toBe('0');
    await expect.poll(() => admin.locator('.recharts-surface').count()).toBeGreaterThanOrEqual(2);

    // a start after the end: one plain message, the last report stays on the page
    const asked: string[] = [];
    admin.on('request', (r) => r.url().includes('/api/v1/analytics?') && asked.push(r.url()));
    const end = await to.inputValue();
    const later = new Date(Date.parse(`${end}T00:00:00Z`) + 5 * 86_400_000).toISOString().slice(0, 10);
    await from.fill(later);
    const problem = admin.getByRole('alert').filter({ hasText: 'after the end date' });
    await problem.waitFor();
    expect(await admin.locator('#admin-main [role="alert"]').count()).toBe(1);
    expect(await admin.getByText('must not be before').count()).toBe(0);
    expect(await report.isVisible()).toBe(true);
    expect(await admin.locator('.recharts-surface').count()).toBeGreaterThanOrEqual(2);
    expect(asked).toEqual([]);
    await admin.screenshot({ path: shot('analytics-inverted-range.png'), fullPage: true });
  });

  it('an unknown page shows the app\'s "Page not found" with a way back (fault 10)', async () => {
    const page = await context.newPage();
    const answer = await page.goto('/nothing-here');
    expect(answer?.status()).toBe(404);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await page.screenshot({ path: shot('not-found.png') });
    await page.getByRole('link', { name: 'Back to the start' }).click();
    await page.getByRole('heading', { name: 'Tavola' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await page.close();
  });

  it('deleting a menu item asks first, then the item leaves the menu', async () => {
    const token = await tokenOf(roma.admin);
    const categories = await api<{ items: { id: string }[] }>(`/restaurants/${roma.id}/categories?size=100`, { token });
    const name = `Scratch dish ${Date.now()}`;
    const item = await api<{ id: string }>(`/restaurants/${roma.id}/menu-items`, { method: 'POST', token, body: { category_id: categories.items[0]!.id, name, price: 4.5 } });

    await admin.goto('/admin/menu');
    const row = admin.locator(`[data-testid="admin-item"][data-item-id="${item.id}"]`);
    await row.getByRole('button', { name: `Delete ${name}` }).click();
    const confirm = admin.getByRole('dialog', { name: `Delete ${name}?` });
    await confirm.getByRole('button', { name: 'Go back' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect(await row.isVisible()).toBe(true);

    await row.getByRole('button', { name: `Delete ${name}` }).click();
    await confirm.getByRole('button', { name: 'Delete item' }).click();
    await row.waitFor({ state: 'detached' });
    const items = await api<{ items: { id: string }[] }>(`/restaurants/${roma.id}/menu-items?size=100`, { token });
    expect(items.items.some((i) => i.id === item.id)).toBe(false);
  });

  it('deactivating a staff account asks first; reactivating does not', async () => {
    const token = await tokenOf(roma.admin);
    const username = `e2e-waiter-${Date.now()}`;
    await api('/users', { method: 'POST', token, body: { username, email: `${username}@example.com`, password: 'long-enough-secret', role: 'waiter', restaurant_id: roma.id } });

    await admin.goto('/admin/staff');
    const row = admin.getByRole('row').filter({ hasText: username });
    await row.getByText('active', { exact: true }).waitFor();
    await row.getByRole('button', { name: `Deactivate ${username}` }).click();
    const confirm = admin.getByRole('dialog', { name: `Deactivate ${username}?` });
    await confirm.getByRole('button', { name: 'Go back' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect(await row.getByText('active', { exact: true }).isVisible()).toBe(true);
    await row.getByRole('button', { name: `Deactivate ${username}` }).click();
    await confirm.getByRole('button', { name: 'Deactivate' }).click();
    await row.getByText('deactivated').waitFor();
    await row.getByRole('button', { name: `Reactivate ${username}` }).click();
    await row.getByText('active', { exact: true }).waitFor();
    expect(await admin.getByRole('dialog').count()).toBe(0);
  });

  it('threw no uncaught error', () => {
    expect(errors).toEqual([]);
  });
});

/**
 * The console gaps of issue 17 that a manager sees on a 1280 px screen: restaurants searched and sorted
 * (and no restaurant called "?"), categories and items renamed and moved, the photo in the item editor,
 * tables edited and removed (not while their party's tab is open), the table's label on its QR PNG, a
 * coloured alert that chimes for calls and bills, and analytics against the previous period.
 */
describe('the staff console at 1280 px', () => {
  let roma: DemoRestaurant;
  let browser: Browser;
  let context: BrowserContext;
  let admin: Page;
  const errors: string[] = [];
  const cleanup: (() => Promise<unknown>)[] = [];
  const stamp = Date.now().toString(36);

  beforeAll(async () => {
    roma = loadDemo().restaurants[0]!;
    browser = await launch();
    context = await newContext(browser, false, { viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    // count the chimes: every tone of a chime starts one oscillator
    await context.addInitScript(() => {
      const w = window as unknown as { __tones: number };
      w.__tones = 0;
      const start = OscillatorNode.prototype.start;
      OscillatorNode.prototype.start = function (...args: Parameters<OscillatorNode['start']>) {
        w.__tones++;
        return start.apply(this, args);
      };
    });
    admin = await context.newPage();
    admin.on('pageerror', (e) => errors.push(e.message));
    await staffLogin(admin, '/admin/orders', roma.admin);
  });

  afterAll(async () => {
    await browser?.close();
    for (const undo of cleanup.reverse()) await undo().catch(() => undefined);
  });

  it('master admins search and sort the restaurants, and cannot create one called "?"', async () => {
    const demo = loadDemo();
    const master = await context.browser()!.newContext({ baseURL: new URL(admin.url()).origin, viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const page = await master.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await staffLogin(page, '/admin/restaurants', demo.master);
    await page.getByRole('heading', { name: 'Restaurants', level: 1 }).waitFor();

    await page.getByLabel('Name', { exact: true }).fill('?');
    await page.getByRole('button', { name: 'Create restaurant' }).click();
    await page.getByRole('alert').filter({ hasText: 'must contain at least one letter or digit' }).waitFor();

    const token = await tokenOf(demo.master);
    for (const name of [`Zeta ${stamp}`, `alpha ${stamp}`, `Mid ${stamp} bistro`]) {
      await api('/restaurants', { method: 'POST', token, body: { name, currency: 'EUR', time_zone: 'Europe/Rome' } });
    }
    const names = () => page.getByRole('table', { name: 'Restaurants' }).locator('tbody tr td:first-child').allInnerTexts();
    await page.getByRole('searchbox', { name: 'Search restaurants' }).fill(stamp.toUpperCase());
    await expect.poll(names).toEqual([`Mid ${stamp} bistro`, `alpha ${stamp}`, `Zeta ${stamp}`]);
    await page.getByLabel('Sort').selectOption('name');
    await expect.poll(names).toEqual([`alpha ${stamp}`, `Mid ${stamp} bistro`, `Zeta ${stamp}`]);
    await page.getByLabel('Sort').selectOption('-name');
    await expect.poll(names).toEqual([`Zeta ${stamp}`, `Mid ${stamp} bistro`, `alpha ${stamp}`]);
    await page.getByRole('searchbox', { name: 'Search restaurants' }).fill(`${stamp} bis`);
    await expect.poll(names).toEqual([`Mid ${stamp} bistro`]);
    await page.getByRole('searchbox', { name: 'Search restaurants' }).fill(`${stamp}`);
    await expect.poll(names).toHaveLength(3);
    await page.screenshot({ path: shot('console-restaurants-search.png') });
    await master.close();
  });

  it('renames and reorders categories and items where they stand, and takes the photo inside the item editor', async () => {
    const token = await tokenOf(roma.admin);
    const category = await api<{ id: string }>(`/restaurants/${roma.id}/categories`, { method: 'POST', token, body: { name: `Sorting ${stamp}`, display_order: 9000 } });
    const first = await api<{ id: string }>(`/restaurants/${roma.id}/menu-items`, { method: 'POST', token, body: { category_id: category.id, name: `First ${stamp}`, price: 3, display_order: 0 } });
    const second = await api<{ id: string }>(`/restaurants/${roma.id}/menu-items`, { method: 'POST', token, body: { category_id: category.id, name: `Second ${stamp}`, price: 4, display_order: 10 } });
    cleanup.push(() => api(`/restaurants/${roma.id}/categories/${category.id}`, { method: 'DELETE', token }));
    for (const item of [first, second]) cleanup.push(() => api(`/restaurants/${roma.id}/menu-items/${item.id}`, { method: 'DELETE', token }));

    await admin.goto('/admin/menu');
    const section = admin.getByRole('region', { name: `Sorting ${stamp}` });
    await section.waitFor();
    // rename the category inline; a name without a letter is refused in place
    await section.getByRole('button', { name: `Rename category Sorting ${stamp}` }).click();
    const field = admin.getByLabel(`New name of category Sorting ${stamp}`);
    await field.fill('??');
    await field.press('Enter');
    await admin.getByRole('alert').filter({ hasText: 'at least one letter or digit' }).waitFor();
    await field.fill(`Sorted ${stamp}`);
    await field.press('Enter');
    const renamed = admin.getByRole('region', { name: `Sorted ${stamp}` });
    await renamed.waitFor();

    // move the category up one place: it now comes before the one that was above it
    const headings = () => admin.getByTestId('admin-category').locator('h2').allInnerTexts();
    const before = await headings();
    const at = before.indexOf(`Sorted ${stamp}`);
    expect(at).toBeGreaterThan(0);
    await renamed.getByRole('button', { name: `Move category Sorted ${stamp} up` }).click();
    await expect.poll(async () => (await headings()).indexOf(`Sorted ${stamp}`)).toBe(at - 1);

    // the second item moves up, then the first is renamed
    const rows = () => renamed.getByTestId('admin-item').locator('p.font-semibold').allInnerTexts();
    await renamed.getByRole('button', { name: `Move Second ${stamp} up` }).click();
    await expect.poll(async () => (await rows()).map((t) => t.split(' ·')[0])).toEqual([`Second ${stamp}`, `First ${stamp}`]);
    await renamed.getByRole('button', { name: `Rename First ${stamp}` }).click();
    await admin.getByLabel(`New name of First ${stamp}`).fill(`Renamed ${stamp}`);
    await admin.getByRole('button', { name: 'Save name' }).click();
    await expect.poll(async () => (await rows()).map((t) => t.split(' ·')[0])).toEqual([`Second ${stamp}`, `Renamed ${stamp}`]);
    await admin.screenshot({ path: shot('console-menu-rename-reorder.png') });
    const items = await api<{ items: { id: string; name: string; display_order: number }[] }>(`/restaurants/${roma.id}/menu-items?category_id=${category.id}`, { token });
    const stored = Object.fromEntries(items.items.map((i) => [i.id, i]));
    expect(stored[first.id]!.name).toBe(`Renamed ${stamp}`);
    expect(stored[second.id]!.display_order).toBeLessThan(stored[first.id]!.display_order);

    // the photo, inside the editor: previewed, then saved with the item
    await renamed.locator(`[data-item-id="${second.id}"]`).getByRole('button', { name: 'Edit' }).click();
    const editor = admin.getByRole('dialog', { name: `Edit Second ${stamp}` });
    await editor.getByText('No photo yet.').waitFor();
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    await editor.getByLabel('Photo of the item').setInputFiles({ name: 'dish.png', mimeType: 'image/png', buffer: png });
    await editor.getByTestId('editor-photo').waitFor();
    await admin.screenshot({ path: shot('console-item-editor-photo.png') });
    await editor.getByRole('button', { name: 'Save item' }).click();
    await editor.waitFor({ state: 'detached' });
    await expect.poll(async () => (await api<{ image_url: string | null }>(`/restaurants/${roma.id}/menu-items/${second.id}`, { token })).image_url).not.toBeNull();
    await renamed.locator(`[data-item-id="${second.id}"] img`).waitFor();
  });

  it("edits and removes tables, keeps one whose party's tab is open, and prints the label on the QR PNG", async () => {
    const token = await tokenOf(roma.admin);
    const number = `E${stamp}`.slice(0, 20);
    const table = await api<{ id: string; qr_token: string }>(`/restaurants/${roma.id}/tables`, { method: 'POST', token, body: { table_number: number, capacity: 2 } });
    cleanup.push(() => api(`/restaurants/${roma.id}/tables/${table.id}`, { method: 'DELETE', token }));

    await admin.goto('/admin/tables');
    const card = admin.locator(`[data-testid="table-card"][data-table-id="${table.id}"]`);
    await card.getByRole('button', { name: `Edit Table ${number}` }).click();
    const editor = admin.getByRole('dialog', { name: `Edit Table ${number}` });
    await editor.getByLabel('Label').fill(`Garden ${stamp}`);
    await editor.getByLabel('Seats').fill('6');
    await editor.getByRole('button', { name: 'Save table' }).click();
    await editor.waitFor({ state: 'detached' });
    await card.getByRole('heading', { name: `Garden ${stamp}` }).waitFor();
    expect(await card.innerText()).toContain('6 seats');

    // the downloaded PNG is taller than wide: the label is printed under the code
    const [download] = await Promise.all([admin.waitForEvent('download'), card.getByRole('button', { name: `Download QR code (PNG) for Garden ${stamp}` }).click()]);
    const bytes = readFileSync((await download.path())!);
    const [width, height] = [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
    expect(width).toBe(512);
    expect(height).toBeGreaterThan(width);

    // a party sits down: the table stays, and the console says why and where to go
    const diner = await guestAt({ id: table.id, label: `Garden ${stamp}`, qr_token: table.qr_token });
    await card.getByRole('button', { name: `Remove Garden ${stamp}` }).click();
    await admin.getByRole('dialog', { name: `Remove Garden ${stamp}?` }).getByRole('button', { name: 'Remove table' }).click();
    const refusal = admin.getByTestId('table-has-open-tab');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain(`Garden ${stamp} still has an open tab`);
    expect(await admin.getByText(/^Conflict/).count()).toBe(0);
    await admin.screenshot({ path: shot('console-table-open-tab.png') });
    expect(await card.isVisible()).toBe(true);

    await settleSession(diner.sessionId, await tokenOf(roma.waiter));
    await card.getByRole('button', { name: `Remove Garden ${stamp}` }).click();
    await admin.getByRole('dialog', { name: `Remove Garden ${stamp}?` }).getByRole('button', { name: 'Remove table' }).click();
    await card.waitFor({ state: 'detached' });
  });

  it('a table calling and a bill request each show a coloured alert and chime, once the console was tapped', async () => {
    await admin.goto('/admin/orders');
    await admin.evaluate(() => localStorage.removeItem('tavola.console.soundHint'));
    await admin.reload();
    const hint = admin.getByTestId('sound-hint');
    await hint.waitFor();
    await admin.getByRole('heading', { level: 1 }).click();
    await hint.waitFor({ state: 'detached' });
    await admin.getByRole('button', { name: 'Call sound on' }).waitFor();
    const tones = () => admin.evaluate(() => (window as unknown as { __tones: number }).__tones);
    const before = await tones();

    const table = await scratchTable(roma, `Bar ${stamp}`);
    cleanup.push(table.done);
    const diner = await guestAt(table);
    await api(`/sessions/${diner.sessionId}/service-requests`, { method: 'POST', token: diner.token, body: { kind: 'waiter' } });
    const call = admin.getByTestId('console-alert').filter({ hasText: `${table.label} calls a waiter` });
    await call.waitFor();
    expect(await call.getAttribute('data-kind')).toBe('waiter');
    await expect.poll(tones).toBeGreaterThan(before);
    const afterCall = await tones();

    await api(`/sessions/${diner.sessionId}/service-requests`, { method: 'POST', token: diner.token, body: { kind: 'bill' } });
    const bill = admin.getByTestId('console-alert').filter({ hasText: `${table.label} asks for the bill` });
    await bill.waitFor();
    await expect.poll(tones).toBeGreaterThan(afterCall);
    const [callColour, billColour] = await Promise.all([call, bill].map((a) => a.evaluate((el) => getComputedStyle(el).backgroundColor)));
    expect(callColour).not.toBe(billColour);
    expect(callColour).not.toBe('rgb(255, 255, 255)');
    await admin.screenshot({ path: shot('console-call-alerts.png') });

    // turned off, the next call (another table: each kind has its cooldown) shows but stays silent
    await admin.getByRole('button', { name: 'Call sound on' }).click();
    const silent = await tones();
    const other = await scratchTable(roma, `Booth ${stamp}`);
    cleanup.push(other.done);
    const guest = await guestAt(other);
    await api(`/sessions/${guest.sessionId}/service-requests`, { method: 'POST', token: guest.token, body: { kind: 'waiter' } });
    await admin.getByTestId('console-alert').filter({ hasText: `${other.label} calls a waiter` }).waitFor();
    expect(await tones()).toBe(silent);
    await admin.getByRole('button', { name: 'Call sound off' }).click();
  });

  it('analytics shows each figure against the previous period of the same length', async () => {
    await admin.goto('/admin/analytics');
    await admin.getByTestId('analytics').waitFor();
    const changes = admin.getByTestId('figure-change');
    await expect.poll(() => changes.count()).toBe(4);
    expect(await changes.first().innerText()).toMatch(/^(\+\d+%|−\d+%|no change|new|—) vs previous 30 days$/);
    const [answer] = await Promise.all([
      admin.waitForResponse((r) => r.url().includes('/api/v1/analytics?')),
      admin.getByRole('button', { name: 'Yesterday' }).click(),
    ]);
    expect(answer.status()).toBe(200);
    await expect.poll(() => changes.first().innerText()).toMatch(/vs previous day$/);
    await admin.getByRole('button', { name: 'Last 30 days' }).click();
    await expect.poll(() => changes.first().innerText()).toMatch(/vs previous 30 days$/);
    await admin.screenshot({ path: shot('console-analytics-comparison.png'), fullPage: true });
  });

  it('threw no uncaught error', () => {
    expect(errors).toEqual([]);
  });
});
