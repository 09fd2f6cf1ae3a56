import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, freeTable, freeUp, launch, loadDemo, newContext, outputDir, shot, type DemoRestaurant } from './support';

/**
 * Chrome DevTools' "Fast 3G" preset (the same numbers as Puppeteer's PredefinedNetworkConditions):
 * ~1.6 Mbps down, ~750 kbps up, 150 ms RTT, each scaled as DevTools does.
 */
const FAST_3G = { offline: false, downloadThroughput: ((1.6 * 1000 * 1000) / 8) * 0.9, uploadThroughput: ((750 * 1000) / 8) * 0.9, latency: 150 * 3.75 };
const RUNS = 3;

interface Load {
  fcpMs: number;
  menuMs: number;
  jsTransferred: number;
  jsGzip: number;
  scripts: string[];
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * The diner's page on an emulated Fast 3G phone (issue 17, performance): the console and the kitchen are
 * split away, so the page's JavaScript stays under 150 KB gzipped, and it paints in under 1.5 s.
 */
describe("the diner's page on Fast 3G", () => {
  let roma: DemoRestaurant;
  let table: DemoRestaurant['tables'][number];
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    roma = loadDemo().restaurants[0]!;
    table = await freeTable(roma);
    browser = await launch();
    context = await newContext(browser, true);
  });

  afterAll(async () => {
    await browser?.close();
    if (table) await freeUp(roma, table.id);
  });

  /** One cold load (no HTTP cache, a new tab) of the table's page under the emulated network. */
  async function load(screenshot?: string, shellScreenshot?: string): Promise<Load> {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', FAST_3G);
    const scripts = new Map<string, string>();
    const bytes = new Map<string, number>();
    cdp.on('Network.responseReceived', (e) => {
      if (e.type === 'Script') scripts.set(e.requestId, e.response.url);
    });
    cdp.on('Network.loadingFinished', (e) => bytes.set(e.requestId, e.encodedDataLength));

    await page.goto(`/t/${table.qr_token}`, { waitUntil: 'commit' });
    if (shellScreenshot) {
      // what the phone shows while the script is on its way
      await page.locator('.app-shell').waitFor();
      await page.screenshot({ path: shot(shellScreenshot) });
    }
    // when the menu itself (the restaurant's name over its dishes) is on screen, by the page's own clock
    const menuMs = await (
      await page.waitForFunction(
        (name) => (document.querySelector('h1')?.textContent === name && document.querySelector('[data-testid="menu-item"]') ? performance.now() : 0),
        roma.name,
        { polling: 'raf', timeout: 30_000 },
      )
    ).jsonValue();
    const fcpMs = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1);
    await page.waitForLoadState('networkidle');
    if (screenshot) await page.screenshot({ path: shot(screenshot) });
    await page.close();

    let jsGzip = 0;
    for (const url of new Set(scripts.values())) {
      // what those same bytes weigh gzipped, as a compressing server would send them
      jsGzip += gzipSync(Buffer.from(await (await fetch(url)).arrayBuffer())).length;
    }
    const jsTransferred = [...scripts.keys()].reduce((sum, id) => sum + (bytes.get(id) ?? 0), 0);
    return { fcpMs, menuMs, jsTransferred, jsGzip, scripts: [...new Set(scripts.values())].map((u) => new URL(u).pathname) };
  }

  it('downloads under 150 KB of JavaScript gzipped, none of the console or the kitchen, and paints in under 1.5 s', async () => {
    // one load to warm the services (their first answers after start are slow), not counted
    await load(undefined, 'diner-fast3g-shell.png');
    const loads: Load[] = [];
    for (let i = 0; i < RUNS; i++) loads.push(await load(i === 0 ? 'diner-fast3g.png' : undefined));

    const result = {
      measured_at: new Date().toISOString(),
      base_url: baseUrl(),
      network: 'Chrome DevTools Fast 3G (CDP Network.emulateNetworkConditions)',
      conditions: FAST_3G,
      runs: loads,
      median_first_contentful_paint_ms: Math.round(median(loads.map((l) => l.fcpMs))),
      median_menu_visible_ms: Math.round(median(loads.map((l) => l.menuMs))),
      js_gzip_bytes: loads[0]!.jsGzip,
      js_transferred_bytes: loads[0]!.jsTransferred,
    };
    mkdirSync(join(outputDir, 'measurements'), { recursive: true });
    writeFileSync(join(outputDir, 'measurements', 'diner-fast3g.json'), JSON.stringify(result, null, 2));
    console.log(`diner page on Fast 3G: ${JSON.stringify({ ...result, runs: loads.map(({ scripts: _, ...l }) => l) })}`);

    for (const l of loads) {
      // only the diner's code: the console's pages, the kitchen and the chart library load on demand
      expect(l.scripts.filter((s) => /\/(AdminLayout|AnalyticsPage|KitchenPage|MenuPage|SessionsPage|TablesPage|StaffPage|SettingsPage|LoginForm|RestaurantsPage|OrdersPage|FeedbackPage)-/.test(s))).toEqual([]);
      expect(l.fcpMs).toBeGreaterThan(0);
    }
    expect(result.js_gzip_bytes).toBeLessThan(150 * 1024);
    expect(result.median_first_contentful_paint_ms).toBeLessThan(1500);
  });
});
