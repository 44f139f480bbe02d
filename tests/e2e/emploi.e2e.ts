import type { Browser } from 'playwright-core';
import { EVENT_UID, STRUCTURE_UID } from '@csc/plugin-core/shared';
import { startTestApp, type TestApp } from '../harness/strapi';
import { axeViolations, launchBrowser, screenshot } from './browser';
import { buildAndServe, type BuiltSite } from './built-site';

const BASE = '/emploi/';
const OFFER_UID = 'plugin::emploi.offer';
const CANDIDATE_UID = 'plugin::emploi.candidate';
const CLOSED_TITLE = 'Apprenti boulanger ou apprentie boulangère';

let app: TestApp;
let site: BuiltSite;
let browser: Browser;
let urls: string[];

/** An employment actor and event of the shared directory, as the team would enter them. */
async function seedDirectory(app: TestApp): Promise<void> {
  await app.strapi.documents(STRUCTURE_UID).create({
    data: {
      nom: 'Mission Locale <b>Roubaix</b>',
      description: 'Accompagnement des 16-25 ans vers l’emploi.',
      thematiques: ['trouver-un-emploi--repondre-a-des-offres-demploi'],
      adresse: '10 rue du Marché',
      code_postal: '59100',
      commune: 'Roubaix',
      latitude: 50.69,
      longitude: 3.17,
      telephone: '03 20 00 00 00',
    },
    status: 'published',
  } as never);
  await app.strapi.documents(EVENT_UID).create({
    data: {
      titre: 'Job dating de la logistique',
      description: 'Rencontrez cinq entreprises qui recrutent. Venez avec votre CV.',
      date_debut: new Date(Date.now() + 10 * 86_400_000).toISOString(),
      thematiques: ['trouver-un-emploi--convaincre-un-recruteur-en-entretien'],
    },
    status: 'published',
  } as never);
}

beforeAll(async () => {
  app = await startTestApp({ DEMO_SEED: 'true', EMAIL_MODE: 'capture' });
  // One demo offer closed by the team before the build: its page says so, and nothing lists it.
  await app.strapi.db
    .query(OFFER_UID)
    .updateMany({ where: { title: CLOSED_TITLE }, data: { state: 'closed', closedAt: new Date() } });
  await seedDirectory(app);
  site = await buildAndServe({
    site: 'emploi',
    base: BASE,
    cmsUrl: app.baseUrl,
    proxyApi: true,
    // The tiles come from a loopback port nothing listens on: a tile request never leaves the machine.
    env: { EMPLOI_MAP_TILES: 'http://127.0.0.1:9/{z}/{x}/{y}.png', EMPLOI_MAP_ATTRIBUTION: 'Fond de carte de test' },
  });
  urls = site.urls;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await app?.stop();
});

const offerPages = () => urls.filter((url) => /\/offres\/[^/]+-[a-z0-9]{8,}\/$/.test(url));

describe('the employment site', () => {
  it('lists the offers, their filters, actors, events and members’ pages in its sitemap, live offers only', async () => {
    expect(urls).toEqual(
      expect.arrayContaining([
        BASE,
        `${BASE}offres/contrat/cdi/`,
        `${BASE}offres/commune/roubaix/`,
        `${BASE}offres/depuis/7-jours/`,
        `${BASE}acteurs/`,
        `${BASE}agenda/`,
        `${BASE}proposer-une-offre/`,
        `${BASE}espace/inscription/`,
        `${BASE}espace/connexion/`,
        `${BASE}espace/mot-de-passe-oublie/`,
      ]),
    );
    expect(offerPages().length).toBeGreaterThan(1);
    expect(urls.some((url) => url.includes('apprenti-boulanger'))).toBe(false);
    const home = await (await fetch(`${site.url}${BASE}`)).text();
    expect(home).not.toContain(CLOSED_TITLE);
  });

  it('has no WCAG 2.1 A/AA violation on any page, the members’ space included', async () => {
    const page = await browser.newPage();
    const found: Record<string, unknown> = {};
    for (const url of [...urls, `${BASE}espace/`, `${BASE}espace/nouveau-mot-de-passe/`]) {
      const response = await page.goto(`${site.url}${url}`);
      expect({ url, status: response?.status() }).toEqual({ url, status: 200 });
      const violations = await axeViolations(page);
      if (violations.length) found[url] = violations;
    }
    await page.close();
    expect(found).toEqual({});
  });

  it('browses and filters the offers with JavaScript turned off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}${BASE}`);
    const everything = await page.locator('#resultats').textContent();
    await page.getByText('Contrat', { exact: true }).click();
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'CDI', exact: true }).click()]);
    expect(new URL(page.url()).pathname).toBe(`${BASE}offres/contrat/cdi/`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Offres d’emploi : CDI');
    const filtered = await page.locator('#resultats').textContent();
    expect(filtered).toMatch(/^Contrat « CDI » : \d+ offres?/);
    expect(filtered).not.toBe(everything);
    const titles = await page.locator('.offer-list h2').allTextContents();
    expect(titles).toContain('Vendeur ou vendeuse en boulangerie');
    expect(titles).not.toContain('Agent ou agente de propreté (CDDI)');

    await page.getByText('Commune', { exact: true }).click();
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Tourcoing', exact: true }).click()]);
    expect(new URL(page.url()).pathname).toBe(`${BASE}offres/commune/tourcoing/`);
    await Promise.all([page.waitForNavigation(), page.locator('.offer-list h2 a').first().click()]);
    await expect(page.getByRole('heading', { name: 'Comment postuler' })).toBeDefined();
    await expect(page.locator('.offer-facts').textContent()).resolves.toContain('Tourcoing');

    // The members' pages say what they need and where to get help instead.
    await page.goto(`${site.url}${BASE}espace/inscription/`);
    await expect(page.getByText('Cet espace a besoin de JavaScript').isVisible()).resolves.toBe(true);
    await expect(page.locator('form').first().isVisible()).resolves.toBe(false);
    await screenshot(page, 'emploi-sans-javascript');
    for (const path of ['espace/mot-de-passe-oublie/', 'espace/nouveau-mot-de-passe/#jeton=abc']) {
      await page.goto(`${site.url}${BASE}${path}`);
      await expect(page.getByText('Cet espace a besoin de JavaScript').isVisible()).resolves.toBe(true);
      await expect(page.locator('form').first().isVisible()).resolves.toBe(false);
    }
    await context.close();
  });

  it('gives each offer page a valid JobPosting and a way to apply', async () => {
    const page = await browser.newPage();
    for (const url of offerPages()) {
      await page.goto(`${site.url}${url}`);
      const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
      const posting = blocks.map((block) => JSON.parse(block)).find((item) => item['@type'] === 'JobPosting');
      const title = await page.locator('h1').textContent();
      expect(posting).toMatchObject({
        '@context': 'https://schema.org',
        title,
        hiringOrganization: { '@type': 'Organization' },
        jobLocation: { '@type': 'Place', address: { '@type': 'PostalAddress', addressCountry: 'FR' } },
      });
      expect(Date.parse(posting.datePosted)).not.toBeNaN();
      expect(posting.validThrough).toMatch(/^\d{4}-\d{2}-\d{2}T23:59:59[+-]\d{2}:\d{2}$/);
      expect(posting.description).toMatch(/^<p>/);
      await expect(page.locator('meta[name="robots"]').count()).resolves.toBe(0);
      await expect(page.locator('#postuler').count()).resolves.toBe(1);
    }
    await page.close();
  });

  it('keeps a page for an offer closed lately, saying so, unindexed and without how to apply', async () => {
    const closed = (await app.strapi.db.query(OFFER_UID).findOne({
      where: { title: CLOSED_TITLE, publishedAt: { $notNull: true } },
      select: ['documentId'],
    })) as { documentId: string };
    // The address it had while open, as a resident may have bookmarked it.
    const path = `${BASE}offres/apprenti-boulanger-ou-apprentie-boulangere-roubaix-${closed.documentId.slice(0, 8)}/`;
    expect(urls).not.toContain(path);
    const page = await browser.newPage();
    const response = await page.goto(`${site.url}${path}`);
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1').textContent()).resolves.toBe(CLOSED_TITLE);
    await expect(page.getByRole('status').textContent()).resolves.toBe('Cette offre est close.');
    await expect(page.locator('meta[name="robots"]').getAttribute('content')).resolves.toBe('noindex');
    const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
    expect(blocks.filter((block) => block.includes('JobPosting'))).toEqual([]);
    await expect(page.locator('#postuler').count()).resolves.toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    // Nor a list, a filter page or the plan of the site leads to it.
    for (const list of [BASE, `${BASE}offres/commune/roubaix/`, `${BASE}plan-du-site/`]) {
      await page.goto(`${site.url}${list}`);
      await expect(page.locator(`a[href="${path}"]`).count()).resolves.toBe(0);
    }
    await page.close();
  });

  it('shows the actors on a map whose markers lead to their entry in the list', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}${BASE}acteurs/`);
    const pin = page.locator('.leaflet-map__pin');
    await pin.first().waitFor();
    // Every actor here has coordinates: one marker each, each leading to its entry in the list.
    const hrefs = await pin.evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    await expect(page.locator('[id^="acteur-"]').count()).resolves.toBe(hrefs.length);
    const names: string[] = [];
    for (const href of hrefs) {
      expect(href).toMatch(new RegExp(`^${BASE}acteurs/#acteur-`));
      names.push((await page.locator(`[id="${href.split('#')[1]}"] h3`).textContent()) ?? '');
    }
    // A name is printed as text, never as HTML.
    expect(names).toContain('Mission Locale <b>Roubaix</b>');
    await expect(page.locator('.leaflet-control-attribution').textContent()).resolves.toContain(
      'Fond de carte de test',
    );
    await page.close();
  });

  it('signs a candidate up from the page and opens her space', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.url}${BASE}espace/inscription/`);
    await expect(page.getByText('Cet espace a besoin de JavaScript').isVisible()).resolves.toBe(false);
    // Without the consent box, the server's French message shows by the box.
    await page.getByLabel('Prénom').fill('Nadia');
    await page.getByLabel('Nom', { exact: true }).fill('Benali');
    await page.getByLabel('Commune où vous habitez').fill('Roubaix');
    await page.locator('#candidat-email').fill('nadia.benali@example.org');
    await page.locator('#candidat-mot-de-passe').fill('Un-mot-de-passe-long');
    await page.getByRole('button', { name: 'Créer mon espace candidat' }).click();
    await expect(
      page.locator('#candidat-consentement-erreur').filter({ hasText: 'Cochez la case' }).waitFor(),
    ).resolves.toBeUndefined();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('J’accepte que mon profil soit montré').check();
    await Promise.all([
      page.waitForURL(`${site.url}${BASE}espace/`),
      page.getByRole('button', { name: 'Créer mon espace candidat' }).click(),
    ]);
    await page.getByRole('heading', { name: 'Bonjour Nadia' }).waitFor();
    await page.getByRole('heading', { name: 'Mon profil' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'emploi-espace-candidat');

    const user = await app.strapi.db
      .query('plugin::users-permissions.user')
      .findOne({ where: { email: 'nadia.benali@example.org' } });
    expect(user).toBeTruthy();
    const candidate = await app.strapi.db.query(CANDIDATE_UID).findOne({ where: { account: { id: user.id } } });
    const consents = await app.strapi.db
      .query('plugin::core.consent')
      .findMany({ where: { subjectUid: CANDIDATE_UID, subjectId: candidate.documentId } });
    expect(consents).toHaveLength(1);

    // A write carries the CSRF token: the profile saves.
    await page.getByRole('textbox', { name: /^Métiers recherchés/ }).fill('Vendeuse, Caissière');
    await page.getByRole('button', { name: 'Enregistrer mon profil' }).click();
    await page.locator('#espace-etat').filter({ hasText: 'Profil enregistré.' }).waitFor();
    const saved = await app.strapi.db.query(CANDIDATE_UID).findOne({ where: { id: candidate.id } });
    expect(saved.desiredJobs).toEqual(['Vendeuse', 'Caissière']);

    // Her space can be deleted from the page, typed out as the API asks.
    await page.getByLabel('Écrivez SUPPRIMER').fill('SUPPRIMER');
    await Promise.all([
      page.waitForURL(`${site.url}${BASE}`),
      page.getByRole('button', { name: 'Supprimer mon espace' }).click(),
    ]);
    await expect(app.strapi.db.query(CANDIDATE_UID).findOne({ where: { id: candidate.id } })).resolves.toBeNull();
    await context.close();
  });

  it('lets a member who forgot her password choose a new one from the e-mailed link', async () => {
    const email = 'sabrina.haddad@example.org';
    await app
      .http()
      .post('/api/emploi/members/candidates/sign-up')
      .send({
        email,
        password: 'Un-mot-de-passe-oublie',
        firstName: 'Sabrina',
        lastName: 'Haddad',
        commune: 'Roubaix',
        consent: true,
      })
      .expect(201);
    // The links of the e-mail lead to this site.
    app.strapi.config.set('plugin::emploi.siteUrl', `${site.url}${BASE}`);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.url}${BASE}espace/connexion/`);
    await Promise.all([
      page.waitForURL(`${site.url}${BASE}espace/mot-de-passe-oublie/`),
      page.getByRole('link', { name: 'Choisir un nouveau mot de passe' }).click(),
    ]);
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByRole('button', { name: 'Recevoir le lien' }).click();
    await page.getByText('Si un compte existe avec cette adresse').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const captured = app.strapi.db.query('plugin::core.captured-email');
    let mail: { text: string } | null = null;
    for (let tries = 0; !mail && tries < 300; tries += 1) {
      mail = (await captured.findOne({ where: { to: email } })) as { text: string } | null;
      if (!mail) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const link = /https?:\/\/\S+\/espace\/nouveau-mot-de-passe\/#jeton=[A-Za-z0-9_-]+/.exec(mail?.text ?? '')?.[0];
    expect(link).toBeDefined();
    await page.goto(link as string);
    // The token leaves the address bar once read.
    expect(new URL(page.url()).search).toBe('');
    await page.getByLabel('Nouveau mot de passe').fill('court');
    await page.getByRole('button', { name: 'Enregistrer mon mot de passe' }).click();
    await page.locator('#nouveau-mot-de-passe-erreur').filter({ hasText: '10 caractères' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Nouveau mot de passe').fill('Mon-nouveau-mot-de-passe');
    await page.getByRole('button', { name: 'Enregistrer mon mot de passe' }).click();
    await page.getByText('Votre mot de passe est enregistré').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'emploi-nouveau-mot-de-passe');

    await Promise.all([
      page.waitForURL(`${site.url}${BASE}espace/connexion/`),
      page.getByRole('link', { name: 'Me connecter avec mon nouveau mot de passe' }).click(),
    ]);
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Mot de passe', { exact: true }).fill('Mon-nouveau-mot-de-passe');
    await Promise.all([
      page.waitForURL(`${site.url}${BASE}espace/`),
      page.getByRole('button', { name: 'Me connecter' }).click(),
    ]);
    await page.getByRole('heading', { name: 'Bonjour Sabrina' }).waitFor();
    await context.close();
  });
});
