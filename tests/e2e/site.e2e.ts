import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { CENTRE_UID } from '@csc/plugin-core/shared';
import { ACTIVITY_UID } from '@csc/plugin-site/shared';
import { ROOT } from '../harness/database';
import { startTestApp, type TestApp } from '../harness/strapi';
import { axeViolations, launchBrowser, screenshot } from './browser';
import { serveStatic } from './static-server';

const SITE_DIR = path.join(ROOT, 'frontends', 'site');
const BASE = '/site/';
const HOSTILE_TITLE = 'Atelier <img src=x onerror="window.__xss=1"> <script>window.__xss=2</script>';
const LONG_TITLE = `Atelier${'Interminable'.repeat(11)}`;

let app: TestApp;
let site: Awaited<ReturnType<typeof serveStatic>>;
let browser: Browser;
let urls: string[];

function buildSite(cmsUrl: string): Promise<void> {
  // Asynchronous on purpose: the CMS answering the build runs in this very process.
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', 'build', '--silent'], {
      cwd: SITE_DIR,
      env: { ...process.env, CMS_URL: cmsUrl, SITE_CENTRE: 'demonstration', SITE_BASE: BASE },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`site build failed:\n${output}`))));
  });
}

beforeAll(async () => {
  app = await startTestApp({ DEMO_SEED: 'true' });
  const centre = await app.strapi.db.query(CENTRE_UID).findOne({ where: { slug: 'demonstration' } });
  for (const [title, slug] of [
    [HOSTILE_TITLE, 'atelier-hostile'],
    [LONG_TITLE, 'atelier-long'],
  ]) {
    await app.strapi.documents(ACTIVITY_UID).create({
      data: { title, slug, audience: 'adultes', centre: centre.id, summary: '<b>pas du gras</b>' },
      status: 'published',
    } as never);
  }
  await buildSite(app.baseUrl);
  site = await serveStatic(path.join(SITE_DIR, 'dist'), BASE);
  browser = await launchBrowser();
  const sitemap = await (await fetch(`${site.url}${BASE}sitemap.xml`)).text();
  urls = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map(([, loc]) => new URL(loc).pathname);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await app?.stop();
});

describe('the centre website', () => {
  it('lists every page in its sitemap', () => {
    expect(urls).toEqual(
      expect.arrayContaining([
        BASE,
        `${BASE}activites/`,
        `${BASE}activites/atelier-numerique/`,
        `${BASE}actualites/`,
        `${BASE}infos-pratiques/`,
        `${BASE}mentions-legales/`,
        `${BASE}donnees-personnelles/`,
      ]),
    );
  });

  it('has no WCAG 2.1 A/AA violation on any page', async () => {
    const page = await browser.newPage();
    const found: Record<string, unknown> = {};
    for (const url of urls) {
      const response = await page.goto(`${site.url}${url}`);
      expect(response?.status()).toBe(200);
      const violations = await axeViolations(page);
      if (violations.length) found[url] = violations;
    }
    await page.close();
    expect(found).toEqual({});
  });

  it('shows HTML from the CMS as text and never runs it', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}${BASE}activites/atelier-hostile/`);
    await expect(page.locator('h1').textContent()).resolves.toBe(HOSTILE_TITLE);
    await expect(page.getByText('<b>pas du gras</b>').count()).resolves.toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await page.close();
  });

  it('keeps very long titles inside the screen of a phone', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    for (const url of [`${BASE}activites/atelier-long/`, `${BASE}activites/`, BASE]) {
      await page.goto(`${site.url}${url}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect({ url, overflow }).toEqual({ url, overflow: 0 });
    }
    await page.close();
  });

  it('stays readable at 200 % zoom without scrolling sideways', async () => {
    // A 1280-pixel screen zoomed to 200 % lays pages out in 640 CSS pixels.
    const page = await browser.newPage({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
    for (const url of urls.slice(0, 12)) {
      await page.goto(`${site.url}${url}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect({ url, overflow }).toEqual({ url, overflow: 0 });
    }
    await page.close();
  });

  it('can be used with the keyboard: skip link, menu, search', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}${BASE}`);
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent?.trim())).resolves.toBe('Aller au contenu');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('contenu');

    await page.goto(`${site.url}${BASE}`);
    const menu = await page.locator('.site-nav a').allTextContents();
    const reached: string[] = [];
    for (let press = 0; press < menu.length + 2; press += 1) {
      await page.keyboard.press('Tab');
      const inMenu = await page.evaluate(() => !!document.activeElement?.closest('.site-nav'));
      if (inMenu) reached.push(await page.evaluate(() => document.activeElement?.textContent?.trim() ?? ''));
    }
    expect(reached).toEqual(menu.map((label) => label.trim()));

    await page.getByRole('searchbox').first().focus();
    await page.keyboard.type('numérique');
    await page.keyboard.press('Enter');
    await page.waitForURL(/recherche/);
    await page.locator('#search-results a').first().waitFor();
    const results = await page.locator('#search-results a').allTextContents();
    expect(results.join(' ')).toContain('Atelier numérique');
    await page.close();
  });

  it('works with JavaScript turned off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}${BASE}activites/atelier-numerique/`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Atelier numérique');
    await page.goto(`${site.url}${BASE}recherche/?q=atelier`);
    await expect(page.locator('#search-status').textContent()).resolves.toContain('plan du site');
    await context.close();
  });

  it('saves screenshots of the main pages at phone and desktop widths', async () => {
    for (const [device, width] of [
      ['telephone', 375],
      ['ordinateur', 1280],
    ] as const) {
      const page = await browser.newPage({ viewport: { width, height: 800 } });
      for (const [name, url] of [
        ['accueil', BASE],
        ['activites', `${BASE}activites/`],
        ['activite', `${BASE}activites/atelier-numerique/`],
        ['infos-pratiques', `${BASE}infos-pratiques/`],
      ]) {
        await page.goto(`${site.url}${url}`);
        await screenshot(page, `site-${name}-${device}`);
      }
      await page.close();
    }
    const saved = fs.readdirSync(path.join(ROOT, 'test-artifacts')).filter((file) => file.startsWith('site-'));
    expect(saved.length).toBeGreaterThanOrEqual(8);
  });
});
