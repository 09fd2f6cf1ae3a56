import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advanceOrder, api, baseUrl, downloadDir, freeTable, freeUp, setAvailable, launch, loadDemo, markDocument, newContext, shot, staffLogin, stillSameDocument, type Demo, type DemoRestaurant } from './support';

/**
 * The "Done when" journeys in real Chromium against the running system: a diner on a phone,
 * the chef's kitchen screen and the admin's console, each in its own browser context (own storage).
 */
describe('Tavola in the browser', () => {
  let demo: Demo;
  let roma: DemoRestaurant;
  let table: DemoRestaurant['tables'][number];
  let browser: Browser;
  let dinerContext: BrowserContext;
  let kitchenContext: BrowserContext;
  let adminContext: BrowserContext;
  let diner: Page;
  let kitchen: Page;
  let admin: Page;
  const browserErrors: string[] = [];
  // the gateway's Content-Security-Policy (no inline script or style) must block nothing the app needs
  const cspViolations: string[] = [];
  const watch = (page: Page) => {
    page.on('pageerror', (e) => browserErrors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
    });
  };

  beforeAll(async () => {
    demo = loadDemo();
    roma = demo.restaurants[0]!;
    table = await freeTable(roma, { rested: true }); // its diners call the waiter and ask for the bill
    browser = await launch();
    dinerContext = await newContext(browser, true);
    kitchenContext = await newContext(browser);
    adminContext = await newContext(browser);
    diner = await dinerContext.newPage();
    kitchen = await kitchenContext.newPage();
    admin = await adminContext.newPage();
    for (const page of [diner, kitchen, admin]) watch(page);
    if (process.env.TAVOLA_E2E_DEBUG) {
      // what each screen sends and receives, to find out why a journey stalled
      for (const [who, page] of [['diner', diner], ['kitchen', kitchen], ['admin', admin]] as const) {
        page.on('websocket', (ws) => {
          console.log(`${who} ws open ${ws.url()}`);
          ws.on('framereceived', (f) => console.log(`${who} ws < ${String(f.payload).slice(0, 200)}`));
          ws.on('close', () => console.log(`${who} ws closed`));
        });
        page.on('response', (r) => r.url().includes('/api/') && console.log(`${who} ${r.request().method()} ${r.status()} ${r.url()}`));
      }
    }
  });

  afterAll(async () => {
    await browser?.close();
    // a run that failed half-way must not leave its table's tab open for the next one
    if (table) await freeUp(roma, table.id);
  });

  it('a diner orders an item with a modifier; the kitchen shows it live; the chef advances it and the diner sees each status', async () => {
    const item = roma.items.find((i) => i.modifier_groups.length > 0);
    expect(item, 'the demo data has an item with modifiers').toBeDefined();
    const group = item!.modifier_groups[0]!;
    const option = group.options[group.options.length - 1]!;

    // the chef's screen is open before the order exists
    await staffLogin(kitchen, '/kitchen', roma.chef);
    await expect.poll(() => kitchen.getByText('Live', { exact: true }).isVisible(), { timeout: 20_000 }).toBe(true);
    await markDocument(kitchen);

    await diner.goto(`/t/${table.qr_token}`);
    await diner.getByRole('heading', { level: 1, name: roma.name }).waitFor();
    await diner.getByText(table.label).first().waitFor();
    // phone-first: nothing wider than a 360 px screen
    expect(await diner.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await diner.screenshot({ path: shot('diner-menu.png'), fullPage: false });

    await diner.getByRole('button', { name: `Add ${item!.name}`, exact: true }).click();
    const sheet = diner.getByRole('dialog', { name: item!.name });
    await sheet.waitFor();
    await sheet.getByLabel(option.name, { exact: false }).first().check();
    await sheet.getByRole('button', { name: /Add to order/ }).click();
    await sheet.waitFor({ state: 'detached' });
    await diner.getByRole('button', { name: /View order \(1\)/ }).click();
    const cart = diner.getByRole('dialog', { name: 'Your order' });
    await expect.poll(() => cart.getByText(option.name).isVisible()).toBe(true);
    await diner.screenshot({ path: shot('diner-cart.png') });
    const [answer] = await Promise.all([
      diner.waitForResponse((r) => r.url().endsWith('/api/v1/orders') && r.request().method() === 'POST'),
      cart.getByRole('button', { name: 'Place order' }).click(),
    ]);
    expect(answer.status()).toBe(201);
    const orderId = ((await answer.json()) as { id: string }).id;
    await cart.waitFor({ state: 'detached' });
    const placed = diner.locator(`[data-testid="diner-order"][data-order-id="${orderId}"]`);
    await placed.waitFor();
    expect(await placed.innerText()).toContain(option.name);

    // the ticket appears on the kitchen board without a reload
    const ticket = kitchen.locator(`[data-testid="ticket"][data-order-id="${orderId}"]`);
    await ticket.waitFor({ timeout: 20_000 });
    expect(await stillSameDocument(kitchen)).toBe(true);
    const ticketText = await ticket.innerText();
    expect(ticketText).toContain(table.label);
    expect(ticketText).toContain(item!.name);
    expect(ticketText).toContain(option.name);
    expect(await ticket.getAttribute('data-age')).toBe('fresh');

    // one tap per step (a restaurant that needs no confirmation starts at Confirmed); the diner's phone follows live
    const steps: [string, string][] = [
      ['Confirm', 'Confirmed'],
      ['Start preparing', 'Preparing'],
      ['Mark ready', 'Ready'],
    ];
    let tapped = 0;
    for (const [button, dinerSees] of steps) {
      const tap = ticket.getByRole('button', { name: button, exact: true });
      if (button === 'Confirm' && (await placed.getByTestId('order-status').innerText()) === 'Confirmed') continue;
      if (button === 'Mark ready') await kitchen.screenshot({ path: shot('kitchen-board.png'), fullPage: true });
      await tap.click();
      tapped += 1;
      await expect.poll(() => placed.getByTestId('order-status').innerText(), { timeout: 30_000 }).toBe(dinerSees);
    }
    expect(tapped).toBeGreaterThanOrEqual(2);
    // a ready ticket stays on the board until it is bumped; bumping then recall shows it again
    await ticket.getByRole('button', { name: 'Bump (served)' }).click();
    await ticket.waitFor({ state: 'detached' });
    await expect.poll(() => placed.getByTestId('order-status').innerText(), { timeout: 30_000 }).toBe('Served');
    await kitchen.getByRole('button', { name: 'Recall last bumped' }).click();
    expect(await kitchen.getByRole('region', { name: 'Recalled ticket' }).innerText()).toContain(item!.name);
    expect(await stillSameDocument(kitchen)).toBe(true);
  });

  it("an admin 86's an item and the diner's menu greys it out live, and brings it back", async () => {
    const item = roma.items.find((i) => i.modifier_groups.length === 0) ?? roma.items[0]!;
    const onDinerMenu = diner.locator(`[data-testid="menu-item"][data-item-id="${item.id}"]`);
    // a previous, interrupted run may have left it sold out: start from "on the menu"
    await setAvailable(roma, item.id, true);
    await diner.goto(`/t/${table.qr_token}`);
    await onDinerMenu.waitFor();
    expect(await onDinerMenu.getAttribute('data-available')).toBe('true');
    await markDocument(diner);

    await staffLogin(admin, '/admin/menu', roma.admin);
    const row = admin.locator(`[data-testid="admin-item"][data-item-id="${item.id}"]`);
    await row.waitFor();
    const switch86 = row.getByRole('switch', { name: `86 ${item.name} (sold out)` });
    if (await switch86.isChecked()) {
      await switch86.uncheck();
      await expect.poll(() => row.getByText('On the menu').isVisible()).toBe(true);
      await expect.poll(() => onDinerMenu.getAttribute('data-available'), { timeout: 30_000 }).toBe('true');
    }
    try {
      await switch86.check();
      await expect.poll(() => row.getByText("86'd").isVisible()).toBe(true);
      await expect.poll(() => onDinerMenu.getAttribute('data-available'), { timeout: 30_000 }).toBe('false');
      expect(await onDinerMenu.getByText('Sold out').isVisible()).toBe(true);
      expect(await onDinerMenu.getByRole('button', { name: `Add ${item.name}` }).count()).toBe(0);
      expect(await stillSameDocument(diner)).toBe(true);
      await onDinerMenu.scrollIntoViewIfNeeded();
      await diner.screenshot({ path: shot('diner-menu-86.png') });
    } finally {
      await switch86.uncheck();
    }
    await expect.poll(() => onDinerMenu.getAttribute('data-available'), { timeout: 30_000 }).toBe('true');
  });

  it("an admin uploads a photo of an item and the diner's menu shows it", async () => {
    const item = roma.items.filter((i) => i.modifier_groups.length === 0).at(-1)!;
    await staffLogin(admin, '/admin/menu', roma.admin);
    const row = admin.locator(`[data-testid="admin-item"][data-item-id="${item.id}"]`);
    await row.waitFor();
    const before = await row.getByRole('img', { name: item.name }).getAttribute('src').catch(() => null);
    // a 1x1 PNG: the restaurant service checks the bytes, not the file name
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    await row.getByLabel(`Upload a photo of ${item.name}`).setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: png });
    await expect.poll(() => row.getByRole('img', { name: item.name }).getAttribute('src').catch(() => null), { timeout: 15_000 }).not.toBe(before);
    const src = await row.getByRole('img', { name: item.name }).getAttribute('src');
    expect(src).toMatch(new RegExp(`^/api/v1/restaurants/${roma.id}/images/`));

    await diner.reload();
    const photo = diner.locator(`[data-testid="menu-item"][data-item-id="${item.id}"]`).getByRole('img', { name: item.name });
    await photo.scrollIntoViewIfNeeded();
    expect(await photo.getAttribute('src')).toBe(src);
    await expect.poll(() => photo.evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth)).toBe(1);
  });

  it('the diner rates the served order; a low rating reaches the console live and its feedback list', async () => {
    const comment = `Too salty ${Date.now() % 100_000}`;
    // the console is open (and live) before the diner rates
    await staffLogin(admin, '/admin/orders', roma.admin);
    await admin.getByRole('heading', { level: 1, name: 'Orders' }).waitFor();
    const served = diner.getByTestId('diner-order').filter({ has: diner.getByTestId('order-status').getByText('Served', { exact: true }) }).last();
    await served.getByRole('button', { name: 'Rate this order' }).click();
    await served.getByLabel('2 of 5').check({ force: true });
    await served.getByLabel('Comment (optional)').fill(comment);
    await served.getByRole('button', { name: 'Send rating' }).click();
    await served.getByText('Thank you for your rating!').waitFor();

    const alerts = admin.getByRole('list', { name: 'Alerts' });
    await alerts.getByText(comment, { exact: false }).waitFor({ timeout: 30_000 });
    expect(await alerts.innerText()).toContain('rated an order 2/5');
    await admin.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Feedback', exact: true }).click();
    const entry = admin.getByRole('listitem').filter({ hasText: comment });
    await entry.waitFor();
    expect(await entry.getByLabel('2 out of 5').count()).toBe(1);
  });

  it('an order at a restaurant that confirms orders waits until a waiter confirms it on the orders board', async () => {
    const copper = demo.restaurants[1]!;
    const ctable = await freeTable(copper);
    const item = copper.items.find((i) => i.modifier_groups.length === 0)!;
    const phone = await dinerContext.newPage();
    const waiterContext = await newContext(browser);
    const waiter = await waiterContext.newPage();
    try {
      await phone.goto(`/t/${ctable.qr_token}`);
      await phone.getByRole('button', { name: `Add ${item.name}`, exact: true }).click();
      await phone.getByRole('dialog', { name: item.name }).getByRole('button', { name: /Add to order/ }).click();
      await phone.getByRole('button', { name: /View order \(1\)/ }).click();
      const [answer] = await Promise.all([
        phone.waitForResponse((r) => r.url().endsWith('/api/v1/orders') && r.request().method() === 'POST'),
        phone.getByRole('dialog', { name: 'Your order' }).getByRole('button', { name: 'Place order' }).click(),
      ]);
      const orderId = ((await answer.json()) as { id: string }).id;
      const placed = phone.locator(`[data-testid="diner-order"][data-order-id="${orderId}"]`);
      await expect.poll(() => placed.getByTestId('order-status').innerText()).toBe('Waiting for confirmation');
      // prices in the restaurant's currency
      expect(await placed.innerText()).toContain('£');

      await staffLogin(waiter, '/admin/orders', copper.waiter);
      const pending = waiter.getByRole('region', { name: /Waiting for confirmation/ }).getByTestId('admin-order').filter({ hasText: ctable.label });
      await pending.first().waitFor();
      await pending.getByRole('button', { name: 'Confirm', exact: true }).first().click();
      await expect.poll(() => placed.getByTestId('order-status').innerText(), { timeout: 30_000 }).toBe('Confirmed');
    } finally {
      await phone.close();
      await waiterContext.close();
      await freeUp(copper, ctable.id);
    }
  });

  it('the diner views the bill without asking for it, sees identical dishes on one line with their options, asks for it; staff get the call live and close the tab; the diner sees it closed', async () => {
    await diner.getByTestId('diner-order').first().waitFor();
    // the first journey's dish once more, with the same option: the bill shows one line of two (fault 6)
    const item = roma.items.find((i) => i.modifier_groups.length > 0)!;
    const option = item.modifier_groups[0]!.options[item.modifier_groups[0]!.options.length - 1]!;
    await diner.getByRole('button', { name: `Add ${item.name}`, exact: true }).click();
    const sheet = diner.getByRole('dialog', { name: item.name });
    await sheet.getByLabel(option.name, { exact: false }).first().check();
    await sheet.getByRole('button', { name: /Add to order/ }).click();
    await sheet.waitFor({ state: 'detached' });
    await diner.getByRole('button', { name: /View order \(1\)/ }).click();
    const [placedAgain] = await Promise.all([
      diner.waitForResponse((r) => r.url().endsWith('/api/v1/orders') && r.request().method() === 'POST'),
      diner.getByRole('dialog', { name: 'Your order' }).getByRole('button', { name: 'Place order' }).click(),
    ]);
    expect(placedAgain.status()).toBe(201);
    // served before staff close the tab (a tab with unserved orders does not close)
    await advanceOrder(roma, ((await placedAgain.json()) as { id: string }).id);

    // looking at the bill asks nobody for anything
    const asks: string[] = [];
    const countAsks = (r: { url(): string; method(): string }) => r.url().includes('/service-requests') && r.method() === 'POST' && asks.push(r.url());
    diner.on('request', countAsks);
    await diner.getByRole('button', { name: 'View the bill' }).click();
    const bill = diner.getByRole('dialog', { name: 'Your bill' });
    await bill.getByTestId('bill').waitFor();
    const twice = bill.getByTestId('bill-line').filter({ hasText: item.name }).filter({ hasText: option.name });
    await expect.poll(() => twice.count(), { timeout: 10_000 }).toBe(1);
    expect(await twice.innerText()).toMatch(/^2 × /);
    await diner.waitForTimeout(500);
    expect(asks).toEqual([]);
    const total = await bill.locator('dd').last().innerText();
    expect(total).toMatch(/€\s?\d+\.\d{2}/);
    await bill.getByLabel('Equal parts').check();
    await bill.getByLabel('People').fill('3');
    const split = bill.getByRole('list', { name: 'Split' });
    await expect.poll(() => split.getByRole('listitem').count(), { timeout: 10_000 }).toBe(3);
    // the three shares add up to the total to the cent
    await expect
      .poll(async () => {
        const cents = (text: string) => Math.round(Number(text.replace(/[^0-9.]/g, '')) * 100);
        const parts = await split.locator('span.font-semibold').allInnerTexts();
        return parts.reduce((sum, p) => sum + cents(p), 0) === cents(await bill.locator('dd').last().innerText());
      })
      .toBe(true);
    await diner.screenshot({ path: shot('diner-bill.png') });
    // asking is its own step, and the button then says when
    const [asked] = await Promise.all([
      diner.waitForResponse((r) => r.url().includes('/service-requests') && r.request().method() === 'POST'),
      bill.getByRole('button', { name: 'Ask for the bill' }).click(),
    ]);
    expect(asked.status()).toBe(201);
    expect(asks).toHaveLength(1);
    diner.off('request', countAsks);
    await bill.getByText('The waiter will bring the bill.').waitFor();
    await expect.poll(() => bill.getByTestId('ask-for-bill').innerText()).toMatch(/^Bill asked for \d\d:\d\d$/);
    await diner.keyboard.press('Escape');
    await bill.waitFor({ state: 'detached' });

    // the console (still open on the admin's screen) shows the call without a reload
    const call = admin.getByRole('list', { name: 'Alerts' }).getByText(table.label);
    await call.waitFor({ timeout: 30_000 });
    expect(await admin.getByRole('list', { name: 'Alerts' }).innerText()).toContain('asks for the bill');

    await admin.getByRole('link', { name: 'Tables & bills' }).click();
    const row = admin.getByRole('listitem').filter({ hasText: table.label }).filter({ has: admin.getByRole('button', { name: 'Bill' }) });
    await row.getByRole('button', { name: 'Bill' }).click();
    const staffBill = admin.getByRole('dialog', { name: `Bill · ${table.label}` });
    await expect.poll(() => staffBill.getByText(total).first().isVisible(), { timeout: 10_000 }).toBe(true);
    // the console draws the same bill: one line of two, with its option
    const staffTwice = staffBill.getByTestId('bill-line').filter({ hasText: item.name }).filter({ hasText: option.name });
    await expect.poll(() => staffTwice.count(), { timeout: 10_000 }).toBe(1);
    expect(await staffTwice.innerText()).toMatch(/^2 × /);
    await staffBill.getByRole('button', { name: 'Mark paid and close' }).click();
    await staffBill.waitFor({ state: 'detached' });
    await expect.poll(() => diner.getByText("This table's tab is closed").isVisible(), { timeout: 30_000 }).toBe(true);
  });

  it('the kitchen shows a banner when its live connection drops, reconnects by itself and misses no ticket', async () => {
    // a second kitchen screen of the same chef (signed in already: the sign-ins are rate limited)
    const context = await browser.newContext({ baseURL: baseUrl(), storageState: await kitchenContext.storageState() });
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    watch(page);
    let cut = false;
    let connections = 0;
    let current: { close: (o: { code: number; reason: string }) => Promise<void> } | undefined;
    // every kitchen socket goes through here: while "cut", the gateway is unreachable for this screen
    await page.routeWebSocket(/\/ws\/kitchen\//, (ws) => {
      if (cut) {
        ws.close({ code: 1001, reason: 'network cut by the test' });
        return;
      }
      connections += 1;
      ws.connectToServer();
      current = ws;
    });
    await staffLogin(page, '/kitchen', roma.chef);
    await expect.poll(() => page.getByText('Live', { exact: true }).isVisible(), { timeout: 20_000 }).toBe(true);
    await markDocument(page);

    cut = true;
    await current!.close({ code: 1001, reason: 'network cut by the test' });
    const banner = page.getByTestId('connection-banner');
    await banner.waitFor({ timeout: 10_000 });
    expect(await banner.innerText()).toMatch(/Connection lost — reconnecting/);

    // an order placed while the screen is cut off
    const item = roma.items.find((i) => i.modifier_groups.length === 0)!;
    const guest = await api<{ access_token: string }>('/auth/guest', { method: 'POST', body: { qr_token: table.qr_token } });
    const order = await api<{ id: string }>('/orders', {
      method: 'POST',
      token: guest.access_token,
      body: { table_label: table.label, items: [{ menu_item_id: item.id, quantity: 3, modifier_option_ids: [], note: 'while offline' }] },
    });
    await new Promise((r) => setTimeout(r, 1500));
    expect(await page.locator(`[data-order-id="${order.id}"]`).count()).toBe(0);

    cut = false;
    const ticket = page.locator(`[data-testid="ticket"][data-order-id="${order.id}"]`);
    await ticket.waitFor({ timeout: 40_000 });
    await banner.waitFor({ state: 'detached' });
    expect(connections).toBeGreaterThanOrEqual(2);
    expect(await ticket.innerText()).toContain('while offline');
    expect(await stillSameDocument(page)).toBe(true);
    await context.close();
  });

  it('the kitchen notices going offline within 2 s, keeps a failed tap on its ticket, and is current again once back online', async () => {
    const context = await browser.newContext({ baseURL: baseUrl(), storageState: await kitchenContext.storageState() });
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    watch(page);
    await staffLogin(page, '/kitchen', roma.chef);
    await expect.poll(() => page.getByText('Live', { exact: true }).isVisible(), { timeout: 20_000 }).toBe(true);
    await markDocument(page);

    const item = roma.items.find((i) => i.modifier_groups.length === 0)!;
    const order = async (note: string) => {
      const guest = await api<{ access_token: string }>('/auth/guest', { method: 'POST', body: { qr_token: table.qr_token } });
      return api<{ id: string }>('/orders', {
        method: 'POST',
        token: guest.access_token,
        body: { table_label: table.label, items: [{ menu_item_id: item.id, quantity: 1, modifier_option_ids: [], note }] },
      });
    };
    const before = await order('before going offline');
    const ticket = page.locator(`[data-testid="ticket"][data-order-id="${before.id}"]`);
    await ticket.waitFor({ timeout: 10_000 });
    const button = ticket.getByRole('button');
    const label = (await button.innerText()).trim();

    await context.setOffline(true);
    const wentOffline = Date.now();
    const banner = page.getByTestId('connection-banner');
    await banner.waitFor({ timeout: 2_000 });
    const bannerMs = Date.now() - wentOffline;
    expect(bannerMs).toBeLessThanOrEqual(2_000);
    expect(await page.getByText('Live', { exact: true }).isVisible()).toBe(false);

    // a tap made offline says it was not saved and offers a retry, instead of a silently greyed button
    await button.click();
    const failed = ticket.getByTestId('tap-failed');
    await failed.waitFor({ timeout: 5_000 });
    expect(await failed.innerText()).toMatch(/Not saved/);
    expect((await button.innerText()).trim()).toBe(`${label} — try again`);
    expect(await button.isEnabled()).toBe(true);
    await page.screenshot({ path: shot('kitchen-offline.png') });

    const during = await order('placed while the kitchen was offline');
    await context.setOffline(false);
    await banner.waitFor({ state: 'detached', timeout: 15_000 });
    // the board is current: what came in while offline is there without a reload
    await page.locator(`[data-testid="ticket"][data-order-id="${during.id}"]`).waitFor({ timeout: 10_000 });
    expect(await stillSameDocument(page)).toBe(true);
    // the retry goes through and the failure note goes away
    await button.click();
    await failed.waitFor({ state: 'detached', timeout: 10_000 });
    console.log(`kitchen offline banner after ${bannerMs} ms`);
    await context.close();
  });

  it('calling the waiter twice shows when it was called during the cooldown, never a "Too many requests" error', async () => {
    const phone = await newContext(browser, true);
    const other = await newContext(browser, true);
    try {
      const first = await phone.newPage();
      const second = await other.newPage();
      watch(first);
      watch(second);
      const call = async (page: Page) => {
        await page.goto(`/t/${table.qr_token}`);
        const button = page.getByTestId('call-waiter');
        await expect.poll(() => button.isEnabled(), { timeout: 20_000 }).toBe(true);
        const [answer] = await Promise.all([
          page.waitForResponse((r) => r.url().includes('/service-requests') && r.request().method() === 'POST'),
          button.click(),
        ]);
        return { button, status: answer.status() };
      };
      const called = await call(first);
      expect(called.status).toBe(201);
      await expect.poll(() => called.button.innerText()).toMatch(/^Waiter called \d\d:\d\d$/);
      expect(await called.button.isDisabled()).toBe(true);
      expect(await first.getByText('A waiter is on the way.').isVisible()).toBe(true);

      // a second phone at the table calls inside the cooldown: the gateway says 429, the page says "called"
      const again = await call(second);
      expect(again.status).toBe(429);
      await expect.poll(() => again.button.innerText()).toMatch(/^Waiter called/);
      expect(await again.button.isDisabled()).toBe(true);
      expect(await second.getByText(/too many requests/i).count()).toBe(0);
      await second.screenshot({ path: shot('diner-waiter-called.png') });

      // a reload of the first phone still shows the call
      await first.reload();
      await expect.poll(() => first.getByTestId('call-waiter').innerText(), { timeout: 20_000 }).toMatch(/^Waiter called \d\d:\d\d$/);
      expect(await first.getByText(/too many requests/i).count()).toBe(0);
    } finally {
      await phone.close();
      await other.close();
    }
  });

  it('an admin creates a table and downloads its QR code', async () => {
    const number = `e2e-${Date.now() % 100_000_000}`;
    const label = `E2E table ${number.slice(4)}`;
    await staffLogin(admin, '/admin/tables', roma.admin);
    await admin.getByLabel('Table number').fill(number);
    await admin.getByLabel('Label').fill(label);
    await admin.getByLabel('Seats').fill('2');
    await admin.getByRole('button', { name: 'Create table' }).click();
    const card = admin.getByTestId('table-card').filter({ hasText: label });
    await card.waitFor();
    expect(await card.innerText()).toContain(`No. ${number}`);

    const [download] = await Promise.all([admin.waitForEvent('download'), card.getByRole('button', { name: /QR code \(PNG\)/ }).click()]);
    const file = join(downloadDir, download.suggestedFilename());
    await download.saveAs(file);
    expect(download.suggestedFilename()).toMatch(/\.png$/);
    expect(existsSync(file)).toBe(true);
    expect(statSync(file).size).toBeGreaterThan(200);
    expect([...readFileSync(file).subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

    // the new table's code opens the diner menu
    const link = await card.getByRole('link').getAttribute('href');
    const phone = await dinerContext.newPage();
    await phone.goto(link!);
    await phone.getByRole('heading', { level: 1, name: roma.name }).waitFor();
    expect(await phone.getByText(label).first().isVisible()).toBe(true);
    await phone.close();
  });

  it('an admin adds a category and an item with a modifier group, which diners can order; and a chef account that can sign in', async () => {
    const n = Date.now() % 1_000_000;
    const category = `E2E Specials ${n}`;
    const dish = `E2E Risotto ${n}`;
    await staffLogin(admin, '/admin/menu', roma.admin);
    await admin.getByLabel('New category').fill(category);
    await admin.getByRole('button', { name: 'Add category' }).click();
    await admin.getByRole('heading', { level: 2, name: category }).waitFor();

    await admin.getByRole('button', { name: 'New item' }).click();
    const editor = admin.getByRole('dialog', { name: 'New menu item' });
    await editor.getByLabel('Name').fill(dish);
    await editor.getByLabel('Category').selectOption({ label: category });
    await editor.getByLabel('Price').fill('14.50');
    await editor.getByLabel('vegetarian').check();
    await editor.getByLabel('milk').check();
    await editor.getByRole('button', { name: 'Add modifier group' }).click();
    await editor.getByLabel('Group name').fill('Rice');
    await editor.getByLabel('Pick at least').fill('1');
    await editor.getByLabel('Pick at most').fill('1');
    await editor.getByRole('textbox', { name: 'Option 1', exact: true }).fill('Carnaroli');
    await editor.getByRole('button', { name: 'Add option' }).click();
    await editor.getByRole('textbox', { name: 'Option 2', exact: true }).fill('Vialone nano');
    await editor.getByLabel('Extra price').nth(1).fill('1.20');
    await editor.getByRole('button', { name: 'Save item' }).click();
    await editor.waitFor({ state: 'detached' });
    const row = admin.getByTestId('admin-item').filter({ hasText: dish });
    expect(await row.innerText()).toContain('Rice (2)');

    // a diner sees it with its badges and orders it with the extra-price option
    const phone = await dinerContext.newPage();
    try {
      await phone.goto(`/t/${table.qr_token}`);
      const card = phone.getByTestId('menu-item').filter({ hasText: dish });
      await card.waitFor();
      expect(await card.innerText()).toMatch(/vegetarian[\s\S]*milk/);
      await card.getByRole('button', { name: `Add ${dish}` }).click();
      const sheet = phone.getByRole('dialog', { name: dish });
      await sheet.getByLabel(/Vialone nano/).check();
      expect(await sheet.getByRole('button', { name: /Add to order/ }).innerText()).toContain('15.70');
      await phone.keyboard.press('Escape');
    } finally {
      await phone.close();
    }

    // a chef account made here signs in to the kitchen
    await admin.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Staff', exact: true }).click();
    const username = `e2e-chef-${n}`;
    await admin.getByLabel('Username').fill(username);
    await admin.getByLabel('Email').fill(`${username}@example.com`);
    await admin.getByLabel('Password').fill('a-long-password-1');
    await admin.getByLabel('Role').selectOption('chef');
    await admin.getByRole('button', { name: 'Create account' }).click();
    await admin.getByRole('cell', { name: username, exact: true }).waitFor();
    const chefContext = await newContext(browser);
    try {
      const screen = await chefContext.newPage();
      await staffLogin(screen, '/kitchen', { username, password: 'a-long-password-1' });
      await expect.poll(() => screen.getByText('Live', { exact: true }).isVisible(), { timeout: 20_000 }).toBe(true);
    } finally {
      await chefContext.close();
    }
  });

  it('the analytics page shows the revenue, hour and popular item charts for a date range', async () => {
    await staffLogin(admin, '/admin/analytics', roma.admin);
    const report = admin.getByTestId('analytics');
    await report.waitFor();
    const orders = await report.locator('dt', { hasText: 'Orders' }).locator('xpath=following-sibling::dd[1]').innerText();
    expect(Number(orders)).toBeGreaterThan(0);
    await expect.poll(() => admin.locator('.recharts-surface').count()).toBeGreaterThanOrEqual(2);
    expect(await admin.getByRole('img', { name: 'Revenue per day chart' }).isVisible()).toBe(true);
    await admin.screenshot({ path: shot('analytics.png'), fullPage: true });
  });

  it("every console section loads without a problem, and the admin's sign-out ends the session", async () => {
    await staffLogin(admin, '/admin/orders', roma.admin);
    for (const [link, heading] of [
      ['Orders', 'Orders'],
      ['Tables & bills', 'Table sessions and bills'],
      ['Menu', 'Menu'],
      ['Tables & QR', 'Tables and QR codes'],
      ['Staff', 'Staff accounts'],
      ['Feedback', 'Feedback'],
      ['Analytics', 'Analytics'],
      ['Settings', 'Restaurant settings'],
    ]) {
      await admin.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: link, exact: true }).click();
      await admin.getByRole('heading', { level: 1, name: heading }).waitFor();
      await admin.getByRole('status').filter({ hasText: 'Loading' }).waitFor({ state: 'detached' });
      expect(await admin.locator('main [role="alert"]').count(), `${link} shows no error`).toBe(0);
    }
    // the logo uploaded in the settings shows on the diner's menu
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    const logo = admin.getByRole('img', { name: `${roma.name} logo` });
    const before = (await logo.count()) > 0 ? await logo.getAttribute('src') : null;
    await admin.getByLabel('Upload a logo').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png });
    // every upload is a new image with a new address
    await expect.poll(() => logo.getAttribute('src').catch(() => null)).not.toBe(before);
    const src = await logo.getAttribute('src');
    expect(src).toMatch(new RegExp(`^/api/v1/restaurants/${roma.id}/images/`));
    await diner.goto(`/t/${table.qr_token}`);
    await expect.poll(() => diner.getByRole('banner').locator('img').getAttribute('src').catch(() => null)).toBe(src);

    await admin.getByRole('button', { name: 'Sign out' }).click();
    await admin.getByRole('button', { name: 'Sign in' }).waitFor();
    await admin.reload();
    await admin.getByRole('button', { name: 'Sign in' }).waitFor();
  });

  it('a master admin sees every restaurant and creates one', async () => {
    const masterContext = await newContext(browser);
    const page = await masterContext.newPage();
    const name = `E2E Osteria ${Date.now() % 1_000_000}`;
    await staffLogin(page, '/admin', demo.master);
    await page.getByRole('heading', { level: 1, name: 'Restaurants' }).waitFor();
    for (const r of demo.restaurants) await page.getByRole('cell', { name: r.name, exact: true }).waitFor();
    await page.getByLabel('Name').fill(name);
    await page.getByLabel('Currency (ISO 4217)').fill('CHF');
    await page.getByLabel('Time zone').fill('Europe/Zurich');
    await page.getByRole('button', { name: 'Create restaurant' }).click();
    await page.getByRole('cell', { name, exact: true }).waitFor();
    const row = page.getByRole('row').filter({ hasText: name });
    expect(await row.innerText()).toContain('CHF');
    // a bad currency is refused with the service's own words
    await page.getByLabel('Name').fill(`${name} bis`);
    await page.getByLabel('Currency (ISO 4217)').fill('EU');
    await page.getByRole('button', { name: 'Create restaurant' }).click();
    expect(await page.getByRole('alert').innerText()).toMatch(/currency/i);
    await masterContext.close();
  });

  it('a diner can pick a dish with the keyboard alone: the sheet takes the focus and gives it back', async () => {
    const item = roma.items.find((i) => i.modifier_groups.length > 0)!;
    await diner.goto(`/t/${table.qr_token}`);
    const add = diner.getByRole('button', { name: `Add ${item.name}`, exact: true });
    await add.focus();
    await diner.keyboard.press('Enter');
    const sheet = diner.getByRole('dialog', { name: item.name });
    await sheet.waitFor();
    expect(await sheet.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    await diner.keyboard.press('Tab');
    expect(await sheet.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    await diner.keyboard.press('Escape');
    await sheet.waitFor({ state: 'detached' });
    await expect.poll(() => add.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('an unknown table code says so plainly', async () => {
    const page = await dinerContext.newPage();
    const answer = await page.goto('/t/this-code-does-not-exist');
    // the app's pages come with the gateway's security headers and are never cached stale
    expect(answer?.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(answer?.headers()['x-content-type-options']).toBe('nosniff');
    expect(answer?.headers()['cache-control']).toBe('no-cache');
    await page.getByRole('heading', { name: 'This table is not taking orders' }).waitFor();
    await page.close();
  });

  it('no page threw an uncaught error or met a Content-Security-Policy refusal', () => {
    expect(browserErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
    expect(baseUrl()).toMatch(/^https?:\/\//);
  });
});
