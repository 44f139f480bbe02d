import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ROOT } from '../harness/database';
import { startTestApp, type TestApp } from '../harness/strapi';
import { axeViolations, launchBrowser, screenshot } from './browser';
import { buildAndServe, type BuiltSite } from './built-site';

/** The dictionary's static site, built from the demo's words, in Chromium with and without JS. */

const BASE = '/dictionnaire/';
const REQUEST_UID = 'plugin::dictionnaire.request';

let app: TestApp;
let site: BuiltSite;
let browser: Browser;
let urls: string[];

async function requestCount(word: string): Promise<number> {
  const rows = (await app.strapi.db.query(REQUEST_UID).findMany({})) as { word: string; count: number }[];
  return rows.find((row) => row.word.toLowerCase() === word.toLowerCase())?.count ?? 0;
}

async function search(page: Page, typed: string): Promise<string[]> {
  await page.goto(`${site.url}${BASE}`);
  await page.getByLabel('Quel mot cherchez-vous ?').fill(typed);
  await Promise.all([page.waitForURL(/recherche/), page.getByRole('button', { name: 'Chercher' }).click()]);
  await page.locator('#recherche-etat', { hasText: /trouvé|pas encore/ }).waitFor();
  return (await page.locator('#resultats a').allTextContents()).map((text) => text.trim());
}

beforeAll(async () => {
  app = await startTestApp({ DEMO_SEED: 'true' });
  site = await buildAndServe({ site: 'dictionnaire', base: BASE, cmsUrl: app.baseUrl });
  urls = site.urls;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await app?.stop();
});

describe('the dictionary site', () => {
  it('lists every word, letter and spelling in its sitemap', () => {
    expect(urls).toEqual(
      expect.arrayContaining([
        BASE,
        `${BASE}a-z/`,
        `${BASE}nouveaux-mots/`,
        `${BASE}contributeurs/`,
        `${BASE}lettres/m/`,
        `${BASE}mots/mot-de-passe/`,
        `${BASE}recherche/mot-de-passe/`,
        `${BASE}recherche/wifi/`,
        `${BASE}recherche/code-secret/`,
      ]),
    );
  });

  it('has no WCAG 2.1 A/AA violation on any page', async () => {
    const page = await browser.newPage();
    const found: Record<string, unknown> = {};
    for (const url of urls) {
      const response = await page.goto(`${site.url}${url}`);
      expect({ url, status: response?.status() }).toEqual({ url, status: 200 });
      const violations = await axeViolations(page);
      if (violations.length) found[url] = violations;
    }
    await page.close();
    expect(found).toEqual({});
  });

  it('shows a word in large type with its example, credits to a group and related words', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}${BASE}mots/mot-de-passe/`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Mot de passe');
    const size = await page
      .locator('.definition')
      .evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
    expect(size).toBeGreaterThanOrEqual(24);
    await expect(page.locator('.credit').first().textContent()).resolves.toMatch(/^Expliqué par /);
    const ld = await page.locator('script[type="application/ld+json"]').first().textContent();
    expect(JSON.parse(ld ?? '{}')).toMatchObject({ '@type': 'DefinedTerm', name: 'Mot de passe' });
    await page.close();
  });

  it('finds words typed with mistakes, accents and capitals, with JavaScript', async () => {
    const page = await browser.newPage();
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    expect((await search(page, 'mot de pase'))[0]).toBe('Mot de passe');
    expect((await search(page, 'MOTS DE PASSE'))[0]).toBe('Mot de passe');
    expect((await search(page, 'wiffi'))[0]).toBe('Wi-Fi');
    expect((await search(page, 'navigateure'))[0]).toBe('Navigateur');
    expect((await search(page, 'kookie'))[0]).toBe('Cookie');
    expect(fetched).toContain(`${BASE}index.json`);
    await page.close();
  });

  it('offers the request form with the word written in it when nothing matches, and sends it with JavaScript', async () => {
    const page = await browser.newPage();
    expect(await search(page, 'Phablette')).toEqual([]);
    const form = page.locator('#demande');
    await expect(form.isVisible()).resolves.toBe(true);
    await expect(page.getByLabel('Le mot que vous ne comprenez pas').inputValue()).resolves.toBe('Phablette');
    await page.getByLabel('Où l’avez-vous vu ou entendu ? (facultatif)').fill('Dans une publicité.');
    await page.getByRole('button', { name: 'Demander ce mot' }).click();
    await page.locator('.request__status', { hasText: 'Merci' }).waitFor();
    expect(await requestCount('Phablette')).toBe(1);
    await screenshot(page, 'dictionnaire-demande-envoyee');
    await page.close();
  });

  it('works without JavaScript: letters, prebuilt results and the CMS’s request page', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}${BASE}`);
    await page.getByLabel('Quel mot cherchez-vous ?').fill('tablette');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Chercher' }).click()]);
    expect(new URL(page.url()).pathname).toBe(`${BASE}recherche/`);
    await expect(page.locator('#recherche-etat').textContent()).resolves.toContain('première lettre');
    await page.getByRole('link', { name: 'Lettre M' }).first().click();
    await expect(page.locator('main').getByRole('link', { name: 'Mot de passe' }).count()).resolves.toBe(1);

    await page.goto(`${site.url}${BASE}recherche/code-secret/`);
    await expect(page.locator('main .word-list a').allTextContents()).resolves.toEqual(['Mot de passe']);

    // The request form opens the CMS's own page, which works without JavaScript.
    await page.goto(`${site.url}${BASE}recherche/`);
    await page.getByLabel('Le mot que vous ne comprenez pas').fill('Tablette');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Demander ce mot' }).click()]);
    expect(page.url()).toBe(`${app.baseUrl}/formulaires/dictionnaire/demander-un-mot?mot=Tablette`);
    await expect(page.locator('input[name="word"]').inputValue()).resolves.toBe('Tablette');
    await Promise.all([page.waitForNavigation(), page.locator('button[type=submit]').click()]);
    expect(await requestCount('Tablette')).toBe(1);
    await context.close();
  });

  it('can be used with the keyboard: skip link, search box, results', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}${BASE}`);
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent?.trim())).resolves.toBe('Aller au contenu');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('mot-cherche');
    await page.keyboard.type('cokie');
    await Promise.all([page.waitForURL(/recherche/), page.keyboard.press('Enter')]);
    await page.locator('#resultats a').first().waitFor();
    await page.locator('#resultats a').first().focus();
    await Promise.all([page.waitForURL(/mots\/cookie\//), page.keyboard.press('Enter')]);
    await expect(page.locator('h1').textContent()).resolves.toBe('Cookie');
    await page.close();
  });

  it('stays readable at 200 % zoom without scrolling sideways, body text at 18 px at least', async () => {
    const page = await browser.newPage({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
    for (const url of urls.slice(0, 16)) {
      await page.goto(`${site.url}${url}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect({ url, overflow }).toEqual({ url, overflow: 0 });
      const body = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
      expect(body).toBeGreaterThanOrEqual(18);
    }
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${site.url}${BASE}mots/mot-de-passe/`);
    await screenshot(page, 'dictionnaire-mot-telephone');
    expect(fs.existsSync(path.join(ROOT, 'test-artifacts', 'dictionnaire-mot-telephone.png'))).toBe(true);
    await page.close();
  });
});
