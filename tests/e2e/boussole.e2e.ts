import type { Browser } from 'playwright-core';
import { CENTRE_UID, STRUCTURE_UID } from '@csc/plugin-core/shared';
import { startTestApp, type TestApp } from '../harness/strapi';
import { axeViolations, launchBrowser, screenshot } from './browser';
import { buildAndServe, type BuiltSite } from './built-site';

const BASE = '/boussole-parentale/';
const HOSTILE_NAME = 'Crèche <img src=x onerror="window.__xss=1"> des Hirondelles';
// « CAF » is a term of the demo glossary: it must become a link once, at its first occurrence.
// The tiles come from a loopback port nothing listens on: a tile request never leaves the machine.
const LOOPBACK_TILES = 'http://127.0.0.1:9/{z}/{x}/{y}.png';
const ATTRIBUTION = 'Fond de carte <b>local</b> de test';
const HOSTILE_DESCRIPTION =
  'Aide pour les dossiers CAF <b>pas du gras</b>.\n\nLa CAF répond le mardi. <script>window.__xss=2</script>';

let app: TestApp;
let site: BuiltSite;
let browser: Browser;
let urls: string[];
// ical.js is an ECMAScript module: loaded the way a CommonJS test may.
let ICAL: typeof import('ical.js', { with: { 'resolution-mode': 'import' } }).default;

beforeAll(async () => {
  ICAL = (await import('ical.js')).default;
  app = await startTestApp({ DEMO_SEED: 'true' });
  const centre = await app.strapi.db.query(CENTRE_UID).findOne({ where: { slug: 'demonstration' } });
  await app.strapi.documents(STRUCTURE_UID).create({
    data: {
      nom: HOSTILE_NAME,
      description: HOSTILE_DESCRIPTION,
      thematiques: ['famille--garde-denfants'],
      adresse: '3 rue des Hirondelles',
      code_postal: '59000',
      commune: 'Lille',
      code_insee: '59350',
      latitude: 50.63,
      longitude: 3.06,
      centre: centre.id,
    },
    status: 'published',
  } as never);
  await app.strapi.db
    .query('plugin::boussole.compass')
    .update({ where: { slug: 'boussole-parentale' }, data: { mapTiles: LOOPBACK_TILES, mapAttribution: ATTRIBUTION } });
  site = await buildAndServe({
    site: 'boussole',
    base: BASE,
    cmsUrl: app.baseUrl,
    env: { COMPASS_SLUG: 'boussole-parentale' },
  });
  urls = site.urls;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await app?.stop();
});

const find = (prefix: string) => urls.find((url) => url.startsWith(`${BASE}${prefix}`)) ?? '';

describe('the site of a compass', () => {
  it('lists every section, filter, structure, event, resource and glossary term in its sitemap', () => {
    expect(urls).toEqual(
      expect.arrayContaining([
        BASE,
        `${BASE}annuaire/`,
        `${BASE}annuaire/thematique/famille--garde-denfants/`,
        `${BASE}annuaire/public/futurs-parents/`,
        `${BASE}annuaire/commune/roubaix/`,
        `${BASE}carte/`,
        `${BASE}agenda/`,
        `${BASE}ressources/`,
        `${BASE}glossaire/`,
        `${BASE}glossaire/caf/`,
        `${BASE}mentions-legales/`,
        `${BASE}donnees-personnelles/`,
      ]),
    );
    expect(find('structures/relais-petite-enfance-de-roubaix-')).toMatch(/\/$/);
    expect(find('agenda/') === `${BASE}agenda/`).toBe(true);
    expect(urls.filter((url) => url.startsWith(`${BASE}agenda/`)).length).toBeGreaterThan(1);
    expect(urls.filter((url) => /\/ressources\/[^/]+\/$/.test(url)).length).toBeGreaterThan(0);
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

  it('filters the directory with JavaScript turned off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}${BASE}annuaire/`);
    const everything = await page.locator('#resultats').textContent();
    const allNames = await page.locator('.structure-list h2').allTextContents();
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Roubaix', exact: true }).click()]);
    expect(new URL(page.url()).pathname).toBe(`${BASE}annuaire/commune/roubaix/`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Annuaire : Roubaix');
    const filtered = await page.locator('#resultats').textContent();
    expect(filtered).not.toBe(everything);
    expect(filtered).toMatch(/^Commune « Roubaix » : \d+ structures?/);
    const names = await page.locator('.structure-list h2').allTextContents();
    expect(names.length).toBeGreaterThan(0);
    expect(names.length).toBeLessThan(Number(everything?.match(/\d+/)?.[0]));
    expect(names).toEqual(expect.arrayContaining(['Relais petite enfance de Roubaix']));
    expect(names).not.toContain('Relais petite enfance Lille-Centre');
    expect(allNames.length).toBeGreaterThan(0);
    await expect(page.locator('.filters a[aria-current="page"]').textContent()).resolves.toBe('Roubaix');

    // An entry point of the home page leads to the same kind of list.
    await page.goto(`${site.url}${BASE}`);
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('link', { name: 'Je cherche un mode de garde' }).click(),
    ]);
    expect(new URL(page.url()).pathname).toBe(`${BASE}annuaire/thematique/famille--garde-denfants/`);
    await expect(page.locator('.structure-list h2').allTextContents()).resolves.toContain(HOSTILE_NAME);
    await context.close();
  });

  it('reaches the search form with the keyboard and searches', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}${BASE}`);
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent?.trim())).resolves.toBe('Aller au contenu');
    let role = '';
    for (let press = 0; press < 30 && role !== 'search'; press += 1) {
      await page.keyboard.press('Tab');
      role = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type ?? '');
    }
    expect(role).toBe('search');
    await page.keyboard.type('médiation');
    await page.keyboard.press('Enter');
    await page.waitForURL(/recherche/);
    await page.locator('#search-results a').first().waitFor();
    const results = await page.locator('#search-results a').allTextContents();
    expect(results.join(' ')).toMatch(/[Mm]édiation familiale/);
    await page.close();
  });

  it('combines filters in the search form (with JavaScript)', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}${BASE}recherche/`);
    await page.getByLabel('Commune').selectOption('Roubaix');
    await page.getByLabel('Thématique').selectOption('Garde d’enfants');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Rechercher' }).click()]);
    expect(new URL(page.url()).searchParams.get('commune')).toBe('Roubaix');
    await page.locator('#search-results a').first().waitFor();
    const results = await page.locator('#search-results a').allTextContents();
    expect(results).toContain('Relais petite enfance de Roubaix');
    expect(results).not.toContain('Relais petite enfance Lille-Centre');
    expect(results).not.toContain(HOSTILE_NAME);
    await page.close();
  });

  it('stays readable at 200 % zoom without scrolling sideways', async () => {
    // A 1280-pixel screen zoomed to 200 % lays pages out in 640 CSS pixels.
    const page = await browser.newPage({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
    const structure = find('structures/relais-petite-enfance-de-roubaix-');
    for (const url of [BASE, `${BASE}annuaire/`, structure, `${BASE}carte/`, `${BASE}agenda/`, `${BASE}glossaire/`]) {
      await page.goto(`${site.url}${url}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect({ url, overflow }).toEqual({ url, overflow: 0 });
    }
    await page.close();
  });

  it('shows a structure with its services, contacts, hours in words and access, for people and search engines', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}${find('structures/relais-petite-enfance-de-roubaix-')}`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Relais petite enfance de Roubaix');
    const text = await page.locator('main').innerText();
    expect(text).toContain('59100 Roubaix');
    expect(text).toMatch(/Lundi : \d{2} h \d{2} – \d{2} h \d{2}/);
    expect(text).toContain('Services proposés');
    await expect(page.locator('main a[href^="tel:"]').count()).resolves.toBeGreaterThan(0);
    const [jsonLd] = (await page.locator('script[type="application/ld+json"]').allTextContents()).map((item) =>
      JSON.parse(item),
    );
    expect(jsonLd).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Organization',
      name: 'Relais petite enfance de Roubaix',
      address: { '@type': 'PostalAddress', addressLocality: 'Roubaix', postalCode: '59100' },
    });
    await screenshot(page, 'boussole-structure');
    await page.close();
  });

  it('links glossary terms once, shows HTML from the CMS as text and never runs it', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}${find('structures/creche-img-src-x-onerror')}`);
    await expect(page.locator('h1').textContent()).resolves.toBe(HOSTILE_NAME);
    await expect(page.getByText('<b>pas du gras</b>', { exact: false }).count()).resolves.toBe(1);
    const glossaryLinks = page.locator(`main a[href="${BASE}glossaire/caf/"]`);
    await expect(glossaryLinks.count()).resolves.toBe(1);
    await expect(glossaryLinks.textContent()).resolves.toBe('CAF');
    await expect(page.locator('main').innerText()).resolves.toContain('La CAF répond le mardi.');
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

    await page.goto(`${site.url}${BASE}glossaire/caf/`);
    await expect(page.locator('h1').textContent()).resolves.toBe('CAF');
    await page.goto(`${site.url}${BASE}glossaire/`);
    await expect(
      page.getByRole('navigation', { name: 'Lettres du glossaire' }).getByRole('link').count(),
    ).resolves.toBeGreaterThan(3);
    await page.close();
  });

  it('shows the places on a map whose markers, reached with the keyboard, lead to their pages', async () => {
    const page = await browser.newPage();
    const hosts = new Set<string>();
    page.on('request', (request) => hosts.add(new URL(request.url()).host));
    const tile = page.waitForRequest((request) => request.url().startsWith('http://127.0.0.1:9/'));
    await page.goto(`${site.url}${BASE}carte/`);
    await tile;
    const pins = page.locator('.leaflet-map__pin');
    await expect(pins.count()).resolves.toBe(await page.locator('.places > li').count());
    await expect(page.locator('.leaflet-control-attribution').innerText()).resolves.toContain(ATTRIBUTION);
    expect([...hosts].sort()).toEqual([new URL(site.url).host, '127.0.0.1:9'].sort());

    let focused = '';
    for (let press = 0; press < 60 && !focused; press += 1) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() =>
        document.activeElement?.classList.contains('leaflet-map__pin')
          ? (document.activeElement.textContent ?? '')
          : '',
      );
    }
    expect(focused).not.toBe('');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    await expect(page.locator('h1').textContent()).resolves.toBe(focused);
    await page.close();
  });

  it('without JavaScript, the map page is the list of places and loads no tile', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`${site.url}${BASE}carte/`);
    await expect(page.locator('.leaflet-map').isVisible()).resolves.toBe(false);
    await expect(page.locator('.places a[href*="/structures/"]').count()).resolves.toBeGreaterThan(0);
    expect(requests.filter((url) => url.startsWith('http://127.0.0.1:9/'))).toEqual([]);
    // Leaflet is loaded by the map page only.
    await page.goto(`${site.url}${BASE}annuaire/`);
    await expect(page.locator('link[href*="leaflet"], script[src*="leaflet"], .leaflet-map').count()).resolves.toBe(0);
    expect(await page.content()).not.toContain('leaflet-container');
    await context.close();
  });

  describe('agenda', () => {
    const calendarEvents = (text: string) =>
      new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));

    it('gives each event a page with its schema.org Event and a calendar file', async () => {
      const eventUrl = urls.find((url) => /\/agenda\/(?!page\/)[^/]+\/$/.test(url));
      expect(eventUrl).toBeDefined();
      const page = await browser.newPage();
      await page.goto(`${site.url}${eventUrl}`);
      const title = (await page.locator('h1').textContent())?.trim();
      const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '');
      expect(jsonLd).toMatchObject({ '@context': 'https://schema.org', '@type': 'Event', name: title });
      expect(jsonLd.startDate).toMatch(/^\d{4}-\d{2}-\d{2}/);
      const href = await page.getByRole('link', { name: 'Ajouter à mon agenda' }).getAttribute('href');
      await page.close();

      const answer = await fetch(`${site.url}${href}`);
      expect(answer.headers.get('content-type')).toContain('text/calendar');
      const [event] = calendarEvents(await answer.text());
      expect(event.summary).toBe(title);
    });

    it('offers the compass’s whole agenda as a feed, the same events as its pages', async () => {
      const answer = await fetch(`${site.url}${BASE}agenda.ics`);
      expect(answer.status).toBe(200);
      const summaries = calendarEvents(await answer.text()).map((event) => event.summary);
      const pages = urls.filter((url) => /\/agenda\/(?!page\/)[^/]+\/$/.test(url));
      expect(summaries.length).toBe(pages.length);
      expect(summaries.length).toBeGreaterThan(0);
    });

    it('shows each audience of children the events of its age, and those without ages', async () => {
      const pageOf = async (audience: string) => (await fetch(`${site.url}${BASE}agenda/public/${audience}/`)).text();
      const [babies, toddlers, children] = await Promise.all(['0-3-ans', '3-6-ans', '6-11-ans'].map(pageOf));
      expect(babies).toContain('Matinée éveil musical 0-3 ans');
      expect(children).not.toContain('Matinée éveil musical 0-3 ans');
      expect(toddlers).toContain('Conférence « Les émotions de l’enfant »');
      expect(babies).not.toContain('Conférence « Les émotions de l’enfant »');
      for (const page of [babies, toddlers, children]) expect(page).toContain('Sortie familles à la ferme');

      // The event's own page says for which ages it is.
      const link = babies.match(/href="([^"]+)"[^>]*>Matinée éveil musical 0-3 ans</)?.[1] ?? '';
      expect(link).not.toBe('');
      const eventPage = await (await fetch(new URL(link, `${site.url}${BASE}agenda/public/0-3-ans/`))).text();
      expect(eventPage).toContain('De 0 à 3 ans');
    });

    it('filters the agenda with JavaScript turned off and offers each filter as a feed', async () => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`${site.url}${BASE}agenda/`);
      const all = await page.locator('.agenda-event h4').allTextContents();
      const filters = page.getByRole('navigation', { name: 'Filtrer l’agenda' });
      await Promise.all([
        page.waitForNavigation(),
        filters.getByRole('link', { name: 'Roubaix', exact: true }).click(),
      ]);
      expect(new URL(page.url()).pathname).toBe(`${BASE}agenda/commune/roubaix/`);
      await expect(page.locator('h1').textContent()).resolves.toBe('Agenda : Roubaix');
      const titles = await page.locator('.agenda-event h4').allTextContents();
      expect(titles.length).toBeGreaterThan(0);
      expect(titles.length).toBeLessThan(all.length);
      const feed = page.getByRole('link', { name: 'S’abonner aux événements « Roubaix »' });
      const href = (await feed.getAttribute('href')) ?? '';
      await context.close();

      const answer = await fetch(`${site.url}${href}`);
      expect(answer.headers.get('content-type')).toContain('text/calendar');
      const text = await answer.text();
      expect(text).toContain('TZID:Europe/Paris');
      expect(
        calendarEvents(text)
          .map((event) => event.summary)
          .sort(),
      ).toEqual([...titles].sort());
    });
  });
});
