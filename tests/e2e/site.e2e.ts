import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { CENTRE_UID } from '@csc/plugin-core/shared';
import { ACTIVITY_UID } from '@csc/plugin-site/shared';
import { EVENT_UID } from '@csc/plugin-core/shared';
import { ROOT } from '../harness/database';
import { startTestApp, type TestApp } from '../harness/strapi';
import { axeViolations, launchBrowser, screenshot } from './browser';
import { buildAndServe, type BuiltSite } from './built-site';

const BASE = '/site/';
const HOSTILE_TITLE = 'Atelier <img src=x onerror="window.__xss=1"> <script>window.__xss=2</script>';
const LONG_TITLE = `Atelier${'Interminable'.repeat(11)}`;
const HOSTILE_EVENT = 'Fête <script>window.__xss=3</script>';
const HOSTILE_DESCRIPTION = '</script><img src=x onerror="window.__xss=4"> Venez nombreux.';

let app: TestApp;
let site: BuiltSite;
let browser: Browser;
let urls: string[];
// ical.js is an ECMAScript module: loaded the way a CommonJS test may.
let ICAL: typeof import('ical.js', { with: { 'resolution-mode': 'import' } }).default;
/** The demo's recurring event, whose page the agenda tests visit. */
let eventUrl: string;

beforeAll(async () => {
  ICAL = (await import('ical.js')).default;
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
  await app.strapi.documents(EVENT_UID).create({
    data: {
      titre: HOSTILE_EVENT,
      description: HOSTILE_DESCRIPTION,
      date_debut: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      centre: centre.id,
    },
    status: 'published',
  } as never);
  site = await buildAndServe({ site: 'site', base: BASE, cmsUrl: app.baseUrl, env: { SITE_CENTRE: 'demonstration' } });
  urls = site.urls;
  browser = await launchBrowser();
  eventUrl = urls.find((url) => url.startsWith(`${BASE}agenda/atelier-smartphone-pour-les-seniors-`)) ?? '';
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
        `${BASE}agenda/`,
        `${BASE}infos-pratiques/`,
        `${BASE}mentions-legales/`,
        `${BASE}donnees-personnelles/`,
      ]),
    );
    expect(eventUrl).toMatch(/\/$/);
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

  it('links to the CMS’s forms to propose a structure or an event', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}${BASE}agenda/`);
    const footer = page.locator('footer');
    await expect(
      footer.getByRole('link', { name: 'Proposer une structure pour l’annuaire' }).getAttribute('href'),
    ).resolves.toBe(`${app.baseUrl}/formulaires/demonstration/proposer-une-structure`);
    await Promise.all([
      page.waitForNavigation(),
      page.locator('main').getByRole('link', { name: 'Proposer un événement' }).click(),
    ]);
    expect(page.url()).toBe(`${app.baseUrl}/formulaires/demonstration/proposer-un-evenement`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Proposer un événement');
    await page.close();
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
        ['agenda', `${BASE}agenda/`],
        ['evenement', eventUrl],
        ['infos-pratiques', `${BASE}infos-pratiques/`],
      ]) {
        await page.goto(`${site.url}${url}`);
        await screenshot(page, `site-${name}-${device}`);
      }
      await page.close();
    }
    const saved = fs.readdirSync(path.join(ROOT, 'test-artifacts')).filter((file) => file.startsWith('site-'));
    expect(saved.length).toBeGreaterThanOrEqual(12);
  });

  describe('agenda', () => {
    const calendarEvents = (text: string) =>
      new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));

    it('lists the coming events by month and day, and the next ones on the home page', async () => {
      const page = await browser.newPage();
      await page.goto(`${site.url}${BASE}agenda/`);
      const months = await page.locator('main h2').allTextContents();
      expect(months.length).toBeGreaterThan(0);
      for (const month of months) expect(month).toMatch(/^[A-ZÉÈ][a-zéèû]+ \d{4}$/);
      const titles = await page.locator('.agenda-event h4').allTextContents();
      expect(titles.map((title) => title.trim())).toEqual(
        expect.arrayContaining(['Repair café', 'Atelier smartphone pour les seniors', 'Fête de quartier']),
      );
      // The demo's events are seeded relative to today, so the weekday varies.
      const smartphone = page.locator('.agenda-event', { hasText: 'Atelier smartphone pour les seniors' });
      await expect(smartphone.count()).resolves.toBe(1);
      expect(await smartphone.innerText()).toMatch(
        /Chaque (lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche), 4 fois en tout/,
      );
      await page.goto(`${site.url}${BASE}`);
      // The four next ones: the demo's three and the test's own.
      await expect(page.locator('#evenements + ul li').count()).resolves.toBe(4);
      await page.close();
    });

    it('describes an event for people and for search engines', async () => {
      const page = await browser.newPage();
      await page.goto(`${site.url}${eventUrl}`);
      const panel = await page.locator('main dl').innerText();
      const [, weekday] = panel.match(/Prochaine date : (\w+) \d{1,2} \S+ \d{4}, de 10 h à 11 h 30/) ?? [];
      expect(weekday).toBeDefined();
      expect(panel).toContain(`Chaque ${weekday}, 4 fois en tout`);
      expect(panel).toContain('12 rue des Tilleuls, 69008 Lyon');
      expect(panel).toContain('2 € la séance');
      expect(panel).toContain('Centre social de démonstration');
      const jsonLd = (await page.locator('script[type="application/ld+json"]').allTextContents()).map((text) =>
        JSON.parse(text),
      );
      expect(jsonLd).toEqual([
        expect.objectContaining({
          '@context': 'https://schema.org',
          '@type': 'Event',
          name: 'Atelier smartphone pour les seniors',
          startDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T10:00:00\+0[12]:00$/),
          endDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T11:30:00\+0[12]:00$/),
          eventStatus: 'https://schema.org/EventScheduled',
          eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
          location: expect.objectContaining({
            '@type': 'Place',
            address: expect.objectContaining({
              '@type': 'PostalAddress',
              postalCode: '69008',
              addressLocality: 'Lyon',
            }),
          }),
          organizer: { '@type': 'Organization', name: 'Centre social de démonstration' },
          offers: expect.objectContaining({ '@type': 'Offer', price: 2, priceCurrency: 'EUR' }),
        }),
      ]);
      await page.goto(`${site.url}${BASE}`);
      const home = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '');
      expect(home).toMatchObject({ '@type': 'Organization', name: 'Centre social de démonstration' });
      await page.close();
    });

    it('shows HTML in an event as text, in the page and in its JSON-LD', async () => {
      const page = await browser.newPage();
      const url = urls.find((candidate) => candidate.startsWith(`${BASE}agenda/fete-script-window-xss-3-script-`));
      expect(url).toBeDefined();
      await page.goto(`${site.url}${url}`);
      await expect(page.locator('h1').textContent()).resolves.toBe(HOSTILE_EVENT);
      await expect(page.getByText(HOSTILE_DESCRIPTION).count()).resolves.toBe(1);
      const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '');
      expect(jsonLd).toMatchObject({ '@type': 'Event', name: HOSTILE_EVENT, description: HOSTILE_DESCRIPTION });
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
      await page.close();
    });

    it('reaches « Ajouter à mon agenda » with the keyboard, and hands over a calendar file', async () => {
      const page = await browser.newPage();
      await page.goto(`${site.url}${eventUrl}`);
      let focused = '';
      for (let press = 0; press < 40 && focused !== 'Ajouter à mon agenda'; press += 1) {
        await page.keyboard.press('Tab');
        focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
      }
      expect(focused).toBe('Ajouter à mon agenda');
      const href = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).href);
      await page.close();

      const answer = await fetch(href);
      expect(answer.headers.get('content-type')).toContain('text/calendar');
      const [event] = calendarEvents(await answer.text());
      expect(event.summary).toBe('Atelier smartphone pour les seniors');
      expect(event.isRecurring()).toBe(true);
      expect(event.location).toContain('12 rue des Tilleuls');
    });

    it('offers the whole agenda as a feed to subscribe to', async () => {
      const answer = await fetch(`${site.url}${BASE}agenda.ics`);
      expect(answer.status).toBe(200);
      const summaries = calendarEvents(await answer.text()).map((event) => event.summary);
      expect(summaries).toEqual(
        expect.arrayContaining(['Repair café', 'Atelier smartphone pour les seniors', 'Fête de quartier']),
      );
    });

    it('finds events with the site search', async () => {
      const page = await browser.newPage();
      await page.goto(`${site.url}${BASE}recherche/?q=repair`);
      await page.locator('#search-results a').first().waitFor();
      expect((await page.locator('#search-results a').allTextContents()).join(' ')).toContain('Repair café');
      await page.close();
    });
  });
});
