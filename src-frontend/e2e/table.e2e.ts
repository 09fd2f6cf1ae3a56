import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freeTable, freeUp, launch, loadDemo, markDocument, newContext, shot, staffLogin, stillSameDocument, type DemoRestaurant } from './support';

type DemoOption = DemoRestaurant['items'][number]['modifier_groups'][number]['options'][number] & { price_delta?: number };

/**
 * Two phones at one table (issue 17, fault 6 and the diner gap "a second diner is told who else is
 * there"): each gives a first name and orders; the second phone is told who else is at the table and the
 * first learns of the second live; the bill split by what each ordered says "You" for the phone's own part
 * and the other by name, each dish once with its options; the console names both.
 */
describe('two phones at one table', () => {
  let restaurant: DemoRestaurant;
  let table: DemoRestaurant['tables'][number];
  let browser: Browser;
  let contexts: BrowserContext[] = [];
  let ada: Page;
  let ben: Page;
  const errors: string[] = [];

  const dish = () => restaurant.items.find((i) => i.modifier_groups.length > 0)!;
  const option = (): DemoOption => {
    const group = dish().modifier_groups[0]!;
    return group.options[group.options.length - 1]!;
  };
  const plain = () => restaurant.items.find((i) => i.modifier_groups.length === 0)!;

  const openMenu = async (page: Page) => {
    await page.goto(`/t/${table.qr_token}`);
    await page.getByRole('heading', { level: 1, name: restaurant.name }).waitFor();
  };

  const giveName = async (page: Page, name: string) => {
    const form = page.getByRole('form', { name: 'Your name at this table' });
    await form.getByLabel(/Your first name/).fill(name);
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/me') && r.request().method() === 'PUT'),
      form.getByRole('button', { name: 'Save' }).click(),
    ]);
    expect(answer.status()).toBe(200);
    await form.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: `You: ${name} · Change` }).waitFor();
  };

  /** Orders the dish with the option through the menu, and the plain item too when asked. */
  const order = async (page: Page, alsoPlain: boolean) => {
    await page.getByRole('button', { name: `Add ${dish().name}`, exact: true }).click();
    const sheet = page.getByRole('dialog', { name: dish().name });
    await sheet.getByLabel(option().name, { exact: false }).first().check();
    await sheet.getByRole('button', { name: /Add to order/ }).click();
    await sheet.waitFor({ state: 'detached' });
    if (alsoPlain) {
      await page.getByRole('button', { name: `Add ${plain().name}`, exact: true }).click();
      const second = page.getByRole('dialog', { name: plain().name });
      await second.getByRole('button', { name: /Add to order/ }).click();
      await second.waitFor({ state: 'detached' });
    }
    await page.getByRole('button', { name: /View order \(\d\)/ }).click();
    const [placed] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/orders') && r.request().method() === 'POST'),
      page.getByRole('dialog', { name: 'Your order' }).getByRole('button', { name: 'Place order' }).click(),
    ]);
    expect(placed.status()).toBe(201);
    await page.getByRole('dialog', { name: 'Your order' }).waitFor({ state: 'detached' });
  };

  const othersAtTable = (page: Page) => page.getByTestId('others-at-table').innerText();

  /** The phone's bill split by what each ordered: [label, amount] per part. */
  const billByDiner = async (page: Page) => {
    await page.getByRole('button', { name: 'View the bill' }).click();
    const bill = page.getByRole('dialog', { name: 'Your bill' });
    await bill.getByTestId('bill').waitFor();
    await bill.getByLabel('By what each ordered').check();
    const parts = bill.getByRole('list', { name: 'Split' }).getByTestId('bill-part');
    await expect.poll(() => parts.count(), { timeout: 10_000 }).toBe(2);
    return bill;
  };

  beforeAll(async () => {
    // the Copper Pot: the Roma journeys take Roma's tables (a table rests two minutes between runs)
    restaurant = loadDemo().restaurants[1]!;
    table = await freeTable(restaurant);
    browser = await launch();
    // two phones: two browser contexts, so two guest tokens and two diners
    contexts = [await newContext(browser, true), await newContext(browser, true)];
    ada = await contexts[0]!.newPage();
    ben = await contexts[1]!.newPage();
    for (const page of [ada, ben]) page.on('pageerror', (e) => errors.push(e.message));
  });

  afterAll(async () => {
    await browser?.close();
    if (table) await freeUp(restaurant, table.id);
  });

  it('each phone gives a first name and orders; the second is told who else is there, the first learns of the second live', async () => {
    await openMenu(ada);
    await ada.getByRole('form', { name: 'Your name at this table' }).waitFor();
    // nobody else yet
    expect(await ada.getByTestId('others-at-table').count()).toBe(0);
    await ada.screenshot({ path: shot('diner-name-asked.png') });
    await giveName(ada, 'Ada');
    await markDocument(ada);
    await order(ada, false);

    await openMenu(ben);
    await ben.getByRole('form', { name: 'Your name at this table' }).waitFor();
    await expect.poll(() => othersAtTable(ben), { timeout: 10_000 }).toBe('Also at this table: Ada');
    await ben.screenshot({ path: shot('diner-second-phone-asked.png') });
    await giveName(ben, 'Ben');
    await order(ben, true);
    await ben.evaluate(() => window.scrollTo(0, 0));
    await ben.screenshot({ path: shot('diner-also-at-this-table.png') });

    // Ada's page, never reloaded, hears that Ben sat down and what he is called
    await expect.poll(() => othersAtTable(ada), { timeout: 30_000 }).toBe('Also at this table: Ben');
    expect(await stillSameDocument(ada)).toBe(true);

    // the name is remembered for the table: a reload asks no more and keeps it
    await ben.reload();
    await ben.getByRole('heading', { level: 1, name: restaurant.name }).waitFor();
    await ben.getByRole('button', { name: 'You: Ben · Change' }).waitFor();
    expect(await ben.getByRole('form', { name: 'Your name at this table' }).count()).toBe(0);
    expect(await othersAtTable(ben)).toBe('Also at this table: Ada');
  });

  it('the bill split by what each ordered says "You" and names the other, each dish once with its options', async () => {
    const bill = await billByDiner(ada);
    const parts = bill.getByTestId('bill-part');
    await expect.poll(() => parts.allInnerTexts(), { timeout: 10_000 }).toEqual([expect.stringMatching(/^You\b/), expect.stringMatching(/^Ben\b/)]);
    // both ordered the dish with the same option: one line of two, the option (and what it adds) from the bill
    const line = bill.getByTestId('bill-line').filter({ hasText: dish().name }).filter({ hasText: option().name });
    await expect.poll(() => line.count(), { timeout: 10_000 }).toBe(1);
    expect(await line.innerText()).toMatch(/^2 × /);
    const options = await line.getByTestId('bill-line-options').innerText();
    expect(options).toContain(option().name);
    if (option().price_delta) expect(options).toMatch(new RegExp(`${option().name} \\(\\+`));
    expect(await bill.getByTestId('bill-line').filter({ hasText: plain().name }).innerText()).toMatch(/^1 × /);
    await ada.screenshot({ path: shot('diner-bill-by-diner.png') });
    await ada.keyboard.press('Escape');

    // the other phone reads the same bill from its side
    const hisBill = await billByDiner(ben);
    await expect.poll(() => hisBill.getByTestId('bill-part').allInnerTexts(), { timeout: 10_000 }).toEqual([expect.stringMatching(/^Ada\b/), expect.stringMatching(/^You\b/)]);
    await ben.keyboard.press('Escape');
  });

  it('the console names each part of the bill by the name its diner gave', async () => {
    const staff = await newContext(browser);
    try {
      const page = await staff.newPage();
      await staffLogin(page, '/admin/sessions', restaurant.waiter);
      const row = page.getByRole('listitem').filter({ hasText: table.label }).filter({ has: page.getByRole('button', { name: 'Bill' }) });
      await row.getByRole('button', { name: 'Bill' }).click();
      const bill = page.getByRole('dialog', { name: `Bill · ${table.label}` });
      await bill.getByTestId('bill').waitFor();
      await bill.getByLabel('By what each ordered').check();
      await expect
        .poll(() => bill.getByTestId('bill-part').allInnerTexts(), { timeout: 10_000 })
        .toEqual([expect.stringMatching(/^Ada\b/), expect.stringMatching(/^Ben\b/)]);
      await page.screenshot({ path: shot('console-bill-by-diner.png') });
    } finally {
      await staff.close();
    }
  });

  it('threw no uncaught error', () => {
    expect(errors).toEqual([]);
  });
});
