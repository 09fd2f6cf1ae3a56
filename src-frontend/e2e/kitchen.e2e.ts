import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, clockIn, freeTable, freeUp, guestAt, launch, loadDemo, newContext, orderRef, placeOrder, scratchTable, shot, staffLogin, tokenOf, type DemoRestaurant } from './support';

/**
 * The kitchen screen's gaps of issue 17 on a 1920×1080 kitchen screen: ticket headers that say which
 * order, when it came in and how many dishes, coloured by age across the whole header; the restaurant's
 * name; larger type and columns that fill a wide screen; no "New" column where orders confirm
 * themselves; the sound hint remembered by the screen. The screen's clock zone is not the restaurant's.
 */
describe('the kitchen screen', () => {
  let roma: DemoRestaurant;
  let copper: DemoRestaurant;
  let browser: Browser;
  let context: BrowserContext;
  let kitchen: Page;
  const tables: string[] = [];
  const scratch: (() => Promise<void>)[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    const demo = loadDemo();
    roma = demo.restaurants[0]!;
    copper = demo.restaurants[1]!;
    browser = await launch();
    context = await newContext(browser, false, { viewport: { width: 1920, height: 1080 }, timezoneId: 'America/New_York', locale: 'en-GB' });
    kitchen = await context.newPage();
    kitchen.on('pageerror', (e) => errors.push(e.message));
  });

  afterAll(async () => {
    await browser?.close();
    for (const id of tables) await freeUp(roma, id);
    for (const done of scratch) await done();
  });

  it("shows each ticket's table, reference, time in and dish count in a header coloured by age, under the restaurant's name", async () => {
    // amber after 3 s and red after 6 s, so a ticket ages while the test watches
    await staffLogin(kitchen, '/kitchen?amber=0.05&red=0.1', roma.chef);
    await kitchen.getByRole('heading', { level: 1, name: /Trattoria Roma/ }).waitFor();
    await expect.poll(() => kitchen.getByText('Live', { exact: true }).isVisible(), { timeout: 20_000 }).toBe(true);

    const table = await freeTable(roma);
    tables.push(table.id);
    const diner = await guestAt(table);
    const [first, second] = roma.items.filter((i) => i.modifier_groups.length === 0);
    const order = await placeOrder(diner.token, [[first!.id, 2], [second!.id, 1]]);
    const ticket = kitchen.locator(`[data-testid="ticket"][data-order-id="${order.id}"]`);
    const header = ticket.getByTestId('ticket-header');
    await header.waitFor();
    const text = await header.innerText();
    expect(text).toContain(table.label);
    expect(text).toContain(orderRef(order.id));
    expect(text).toContain('3 items');
    // the restaurant's clock (Rome), not the screen's (New York)
    expect(text).toContain(clockIn(order.created_at, 'Europe/Rome'));
    expect(text).not.toContain(clockIn(order.created_at, 'America/New_York'));

    // the header is a full-width band in the age's colour, not a stripe
    const colour = () => header.evaluate((el) => getComputedStyle(el).backgroundColor);
    const white = await ticket.evaluate((el) => getComputedStyle(el).backgroundColor);
    const [band, card] = [await header.boundingBox(), await ticket.boundingBox()];
    expect(band!.width).toBeGreaterThanOrEqual(card!.width - 1);
    expect(band!.height).toBeGreaterThanOrEqual(36);
    const fresh = await colour();
    expect(fresh).not.toBe(white);
    await expect.poll(() => ticket.getAttribute('data-age'), { timeout: 15_000 }).toBe('late');
    const late = await colour();
    expect(late).not.toBe(fresh);
    expect(late).not.toBe(white);

    // a second order, so the board shows tickets of two ages
    await placeOrder(diner.token, [[first!.id, 1]]);
    await expect.poll(() => kitchen.getByTestId('ticket').count()).toBeGreaterThanOrEqual(2);
    await kitchen.screenshot({ path: shot('kitchen-1920.png') });
  });

  it('uses a wide screen: larger type, and the columns (no "New" where orders confirm themselves) fill the width', async () => {
    const columns = kitchen.locator('main > section');
    expect(await kitchen.getByRole('heading', { level: 2, name: /^New/ }).count()).toBe(0);
    expect(await columns.count()).toBe(3);
    const last = await columns.last().boundingBox();
    expect(last!.x + last!.width).toBeGreaterThan(1920 - 40);
    const wide = await kitchen.getByTestId('ticket-line').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

    // the same board on a 1280 px screen: smaller type
    const narrowContext = await browser.newContext({ baseURL: new URL(kitchen.url()).origin, viewport: { width: 1280, height: 800 }, storageState: await context.storageState() });
    const narrow = await narrowContext.newPage();
    await narrow.goto('/kitchen');
    const small = await narrow.getByTestId('ticket-line').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    await narrowContext.close();
    expect(wide).toBeGreaterThanOrEqual(18);
    expect(wide).toBeGreaterThan(small);
  });

  it('keeps a "New" column at a restaurant whose waiters confirm orders', async () => {
    const other = await newContext(browser, false, { viewport: { width: 1920, height: 1080 } });
    const page = await other.newPage();
    await staffLogin(page, '/kitchen', copper.chef);
    await page.getByRole('heading', { level: 1, name: /The Copper Pot/ }).waitFor();
    await page.getByRole('heading', { level: 2, name: /^New/ }).waitFor();
    expect(await page.locator('main > section').count()).toBe(4);
    await other.close();
  });

  it('remembers on this screen that the "tap once for sound" hint was seen', async () => {
    await kitchen.evaluate(() => localStorage.removeItem('tavola.kitchen.soundHint'));
    await kitchen.reload();
    const hint = kitchen.getByText('Tap anywhere once to let this screen chime for new tickets.');
    await hint.waitFor();
    await kitchen.getByRole('heading', { level: 1 }).click();
    await hint.waitFor({ state: 'detached' });
    await kitchen.reload();
    await kitchen.getByRole('heading', { level: 1, name: /Trattoria Roma/ }).waitFor();
    await kitchen.getByText('Live', { exact: true }).waitFor();
    expect(await hint.count()).toBe(0);
  });

  it("colours tickets by the ages set in the restaurant's settings (the address still overrides), and says who placed the order", async () => {
    const token = await tokenOf(roma.admin);
    try {
      // the manager sets amber at 2 and red at 4 minutes on the console's settings page
      const manager = await newContext(browser, false, { viewport: { width: 1280, height: 900 } });
      const settings = await manager.newPage();
      settings.on('pageerror', (e) => errors.push(e.message));
      await staffLogin(settings, '/admin/settings', roma.admin);
      await settings.getByLabel('Amber after (minutes)').fill('2');
      await settings.getByLabel('Red after (minutes)').fill('4');
      await settings.getByRole('button', { name: 'Save settings' }).click();
      await settings.getByText('Saved.').waitFor();
      await settings.getByRole('group', { name: 'Kitchen ticket colours' }).screenshot({ path: shot('console-settings-ticket-ages.png') });
      await manager.close();

      const screen = await context.newPage();
      screen.on('pageerror', (e) => errors.push(e.message));
      await screen.goto('/kitchen');
      await expect.poll(() => screen.getByText('Live', { exact: true }).isVisible(), { timeout: 20_000 }).toBe(true);
      const table = await scratchTable(roma, `Counter ${Date.now().toString(36)}`);
      scratch.push(table.done);
      const diner = await guestAt(table);
      const dish = roma.items.find((i) => i.modifier_groups.length === 0)!;
      const order = await placeOrder(diner.token, [[dish.id, 1]]);
      const ticket = screen.locator(`[data-testid="ticket"][data-order-id="${order.id}"]`);
      await ticket.waitFor();
      expect(await ticket.getByTestId('ticket-placed-by').innerText()).toBe('by guest');
      expect(await ticket.getAttribute('data-age')).toBe('fresh');

      // the screen's clock moves on (timers keep running): amber after 2 minutes, red after 4
      const placed = Date.parse(order.created_at);
      await screen.clock.setFixedTime(placed + 150_000);
      await expect.poll(() => ticket.getAttribute('data-age')).toBe('warning');
      await screen.clock.setFixedTime(placed + 270_000);
      await expect.poll(() => ticket.getAttribute('data-age')).toBe('late');
      await screen.screenshot({ path: shot('kitchen-1920-settings-ages.png') });

      // one screen that must differ keeps its address's thresholds
      await screen.goto('/kitchen?amber=10&red=20');
      await ticket.waitFor();
      await expect.poll(() => ticket.getAttribute('data-age')).toBe('fresh');
      await screen.close();
    } finally {
      await api(`/restaurants/${roma.id}`, { method: 'PATCH', token, body: { kitchen_warning_minutes: 5, kitchen_late_minutes: 8 } });
    }
  });

  it('threw no uncaught error', () => {
    expect(errors).toEqual([]);
  });
});
