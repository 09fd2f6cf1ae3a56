import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advanceOrder, api, freeTable, freeUp, launch, loadDemo, markDocument, newContext, shot, stillSameDocument, tokenOf, type DemoRestaurant } from './support';

/**
 * The diner's page as people use it on a 360 px phone (issue 17, faults 4, 7 and 8): Back closes the open
 * sheet, feedback appears where the diner is looking, and the category chips stay in reach.
 */
describe("the diner's page on a phone", () => {
  let roma: DemoRestaurant;
  let table: DemoRestaurant['tables'][number];
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];
  const viewport = { width: 360, height: 740 };

  const inViewport = async (locator: ReturnType<Page['locator']>) => {
    const box = await locator.boundingBox();
    return !!box && box.y >= 0 && box.y + box.height <= viewport.height;
  };
  const item = () => roma.items.find((i) => i.modifier_groups.length === 0)!;
  const addToCart = async () => {
    await page.getByRole('button', { name: `Add ${item().name}`, exact: true }).click();
    const sheet = page.getByRole('dialog', { name: item().name });
    await sheet.getByRole('button', { name: /Add to order/ }).click();
    await sheet.waitFor({ state: 'detached' });
  };

  // each journey starts from a freshly opened menu, so one journey's failure does not fail the next
  const openMenu = async () => {
    await page.goto(`/t/${table.qr_token}`);
    await page.getByRole('heading', { level: 1, name: roma.name }).waitFor();
  };

  beforeAll(async () => {
    roma = loadDemo().restaurants[0]!;
    table = await freeTable(roma);
    browser = await launch();
    context = await newContext(browser, true);
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
  });

  afterAll(async () => {
    await browser?.close();
    if (table) await freeUp(roma, table.id);
  });

  it('Back closes the open sheet first and stays on the menu (fault 8)', async () => {
    await openMenu();
    const menuUrl = page.url();
    const menu = page.getByRole('heading', { level: 1, name: roma.name });

    await page.getByRole('button', { name: `Add ${item().name}`, exact: true }).click();
    const itemSheet = page.getByRole('dialog', { name: item().name });
    await itemSheet.waitFor();
    await page.goBack();
    await itemSheet.waitFor({ state: 'detached' });
    expect(page.url()).toBe(menuUrl);
    expect(await menu.isVisible()).toBe(true);

    // a sheet closed by hand leaves no entry behind: the next Back still closes the next sheet
    await addToCart();
    await page.getByRole('button', { name: /View order \(1\)/ }).click();
    const cart = page.getByRole('dialog', { name: 'Your order' });
    await cart.waitFor();
    await page.goBack();
    await cart.waitFor({ state: 'detached' });
    expect(page.url()).toBe(menuUrl);
    expect(await menu.isVisible()).toBe(true);

    await page.getByRole('button', { name: /View order \(1\)/ }).click();
    await cart.getByRole('button', { name: 'Place order' }).click();
    await cart.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'View the bill' }).click();
    const bill = page.getByRole('dialog', { name: 'Your bill' });
    await bill.getByTestId('bill').waitFor();
    await page.goBack();
    await bill.waitFor({ state: 'detached' });
    expect(page.url()).toBe(menuUrl);
    expect(await menu.isVisible()).toBe(true);
  });

  it("shows what happened inside the viewport however far the diner scrolled, and the table's orders in a sticky bar (fault 4)", async () => {
    await openMenu();
    await addToCart();
    // the diner has scrolled to the middle of the menu
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
    await page.getByRole('button', { name: /View order \(1\)/ }).click();
    const cart = page.getByRole('dialog', { name: 'Your order' });
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/orders') && r.request().method() === 'POST'),
      cart.getByRole('button', { name: 'Place order' }).click(),
    ]);
    const orderId = ((await answer.json()) as { id: string }).id;
    await cart.waitFor({ state: 'detached' });
    const toast = page.getByRole('status').filter({ hasText: 'Order sent' });
    await toast.waitFor();
    expect(await inViewport(toast)).toBe(true);
    await page.screenshot({ path: shot('diner-toast.png') });

    // at the top of the menu the orders bar is there too, and it follows the kitchen live
    await page.evaluate(() => window.scrollTo(0, 0));
    const bar = page.getByTestId('orders-bar');
    expect(await inViewport(bar)).toBe(true);
    expect(await bar.innerText()).toMatch(/^Your orders · /);
    await advanceOrder(roma, orderId, 'PREPARING');
    await expect.poll(() => bar.getByTestId('orders-progress').innerText(), { timeout: 30_000 }).toMatch(/preparing/i);
    expect(await inViewport(bar)).toBe(true);
    await page.screenshot({ path: shot('diner-orders-bar.png') });

    // the bar takes the diner to the orders
    await bar.click();
    await expect.poll(() => inViewport(page.getByRole('heading', { name: "Your table's orders" }))).toBe(true);
  });

  it('keeps the category chips in reach, brings a heading just under them, and hides the filters behind one button (fault 7)', async () => {
    await openMenu();
    // the filters no longer take the first screen: the menu starts in its upper half
    expect(await page.getByText('Hide dishes with').isVisible()).toBe(false);
    const chips = page.getByRole('navigation', { name: 'Categories' });
    const links = chips.getByRole('link');
    expect(await links.count()).toBeGreaterThanOrEqual(2);
    const firstHeading = page.locator('main h2').first();
    expect((await firstHeading.boundingBox())!.y).toBeLessThan(viewport.height / 2);
    await page.screenshot({ path: shot('diner-chips.png') });

    const entries = await page.evaluate(() => history.length);
    const target = links.nth(1);
    const name = (await target.innerText()).trim();
    await target.click();
    const heading = page.getByRole('heading', { level: 2, name, exact: true });
    const settled = async () => {
      const bar = (await page.locator('[data-sticky-bar]').boundingBox())!;
      const box = (await heading.boundingBox())!;
      return box.y >= bar.y + bar.height - 1 && box.y <= bar.y + bar.height + 40;
    };
    await expect.poll(settled, { timeout: 5_000 }).toBe(true);
    // the chip bar stayed on screen, and the tap left no history entry for Back to walk through
    const chipBox = (await chips.boundingBox())!;
    expect(chipBox.y).toBeGreaterThanOrEqual(0);
    expect(chipBox.y).toBeLessThan(200);
    expect(await page.evaluate(() => history.length)).toBe(entries);
    await page.screenshot({ path: shot('diner-chip-scrolled.png') });

    // the filters: one button, a sheet, and the count on the button
    const before = await page.getByTestId('menu-item').count();
    await chips.getByRole('button', { name: 'Filters' }).click();
    const filters = page.getByRole('dialog', { name: 'Filter the menu' });
    const avoid = filters.getByRole('group', { name: 'Hide dishes with' }).getByRole('checkbox');
    const allergen = (await avoid.count()) > 0 ? avoid.first() : filters.getByRole('checkbox').first();
    await allergen.check({ force: true });
    await filters.getByRole('button', { name: 'Show the menu' }).click();
    await filters.waitFor({ state: 'detached' });
    expect(await chips.getByRole('button', { name: 'Filters (1)' }).isVisible()).toBe(true);
    expect(await page.getByTestId('menu-item').count()).toBeLessThan(before);
  });

  it('a new dish, its new price and its removal reach the open menu without a reload (fault 9)', async () => {
    await openMenu();
    await markDocument(page);
    const token = await tokenOf(roma.admin);
    const category = (await api<{ items: { id: string }[] }>(`/restaurants/${roma.id}/categories`, { token })).items[0]!;
    const name = `Chef's special ${Date.now() % 100000}`;
    const body = { category_id: category.id, name, description: 'Only tonight', price: 7.5, modifier_groups: [] };
    const created = await api<{ id: string }>(`/restaurants/${roma.id}/menu-items`, { method: 'POST', body, token });
    try {
      const dish = page.getByRole('button', { name: `Add ${name}`, exact: true });
      await dish.waitFor({ timeout: 5000 });
      const row = page.getByRole('listitem').filter({ has: dish });
      await expect.poll(() => row.innerText(), { timeout: 5000 }).toMatch(/7[.,]50/);
      await page.screenshot({ path: shot('diner-live-new-dish.png') });

      await api(`/restaurants/${roma.id}/menu-items/${created.id}`, { method: 'PUT', body: { ...body, price: 8.25 }, token });
      await expect.poll(() => row.innerText(), { timeout: 5000 }).toMatch(/8[.,]25/);
    } finally {
      await api(`/restaurants/${roma.id}/menu-items/${created.id}`, { method: 'DELETE', token });
    }
    await page.getByRole('button', { name: `Add ${name}`, exact: true }).waitFor({ state: 'detached', timeout: 5000 });
    expect(await stillSameDocument(page)).toBe(true);
  });

  it('threw no uncaught error', () => {
    expect(errors).toEqual([]);
  });
});
