import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advanceOrder, api, clockIn, freeTable, freeUp, guestAt, launch, loadDemo, newContext, orderRef, placeOrder, shot, staffLogin, tokenOf, type DemoRestaurant } from './support';

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
    await expect.poll(() => report.locator('dt', { hasText: 'Orders' }).locator('xpath=following-sibling::dd').innerText()).not.toBe('0');
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
