import type { Browser, Page } from 'playwright-core';
import { CENTRE_UID, correctionPagePath, suggestionPagePath } from '@csc/plugin-core/shared';
import { startTestApp, type TestApp } from '../harness/strapi';
import { axeViolations, launchBrowser, screenshot } from './browser';

/** The CMS's own pages for residents: the directory's suggestion and correction forms. */

const STRUCTURE = 'plugin::core.structure';
const ITEMS = 'plugin::core.moderation-item';

let app: TestApp;
let browser: Browser;
let correctionUrl: string;

beforeAll(async () => {
  app = await startTestApp({ EMAIL_MODE: 'capture' });
  const centre = await app.strapi.documents(CENTRE_UID).create({
    data: { name: 'Centre social des Oliviers', slug: 'oliviers', website: 'https://oliviers.example.org/' },
  });
  const structure = await app.strapi.documents(STRUCTURE).create({
    data: { nom: 'Maison des familles', commune: 'Lille', courriel: 'contact@maison.fr', centre: centre.id },
    status: 'published',
  } as never);
  const token = app.strapi
    .plugin('core')
    .service('directoryContributions')
    .corrections.token(structure.documentId, new Date(Date.now() + 86400000)) as string;
  correctionUrl = `${app.baseUrl}${correctionPagePath(token)}`;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const pages = () => ({
  'proposer une structure': `${app.baseUrl}${suggestionPagePath('oliviers', 'structure')}`,
  'proposer un événement': `${app.baseUrl}${suggestionPagePath('oliviers', 'event')}`,
  'corriger une fiche': correctionUrl,
});

async function focusedLabel(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element) return '';
    const id = element.id;
    const label = id ? document.querySelector(`label[for="${id}"]`) : null;
    return (label?.textContent ?? element.textContent ?? '').trim();
  });
}

/** Tabs until the focused control's label starts with `label`. */
async function tabTo(page: Page, label: string): Promise<void> {
  for (let press = 0; press < 40; press += 1) {
    await page.keyboard.press('Tab');
    if ((await focusedLabel(page)).startsWith(label)) return;
  }
  throw new Error(`« ${label} » is not reachable with Tab`);
}

describe('the CMS’s forms for residents', () => {
  it('have no WCAG 2.1 A/AA violation, empty, with errors and once sent', async () => {
    // The pages forbid every script; only axe, injected by the test, is let through.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    const found: Record<string, unknown> = {};
    for (const [name, url] of Object.entries(pages())) {
      expect((await page.goto(url))?.status()).toBe(200);
      let violations = await axeViolations(page);
      if (violations.length) found[name] = violations;
      // The same page, sent with its first field emptied: the error summary and field messages.
      await page.fill('#champ-nom, #champ-titre', '');
      await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
      await expect(page.locator('.resume').count()).resolves.toBe(1);
      violations = await axeViolations(page);
      if (violations.length) found[`${name} (erreurs)`] = violations;
    }
    await page.goto(pages()['proposer une structure']);
    await page.fill('#champ-nom', 'Jardin partagé');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    await expect(page.locator('h1').textContent()).resolves.toBe('Merci, c’est envoyé');
    const violations = await axeViolations(page);
    if (violations.length) found.confirmation = violations;
    await context.close();
    expect(found).toEqual({});
  });

  it('can be filled and sent with the keyboard alone, errors first, without JavaScript', async () => {
    // A French phone: date and time inputs read day/month/year and 24 h.
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'fr-FR' });
    const page = await context.newPage();
    await page.goto(pages()['proposer un événement']);
    const before = await app.strapi.db.query(ITEMS).count();

    await tabTo(page, 'Titre de l’événement');
    await page.keyboard.type('Repas partagé de quartier');
    await tabTo(page, 'Envoyer la proposition');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    // The date was missing: the summary links to the field, which keeps the title typed.
    await expect(page.title()).resolves.toMatch(/^Erreur : Proposer un événement/);
    await expect(page.locator('#champ-titre').inputValue()).resolves.toBe('Repas partagé de quartier');
    await tabTo(page, 'Indiquez la date');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => [location.hash, document.activeElement?.id])).toEqual([
      '#champ-date_debut_jour',
      'champ-date_debut_jour',
    ]);
    await page.keyboard.type('14072027');
    await tabTo(page, 'Heure de début');
    await page.keyboard.type('1230');
    await tabTo(page, 'Familles');
    await page.keyboard.press('Space');
    await tabTo(page, 'Envoyer la proposition');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    await expect(page.locator('h1').textContent()).resolves.toBe('Merci, c’est envoyé');
    expect(await app.strapi.db.query(ITEMS).count()).toBe(before + 1);
    await context.close();
  });

  it('stay readable at 200 % zoom on a phone, without scrolling sideways', async () => {
    const page = await browser.newPage({ viewport: { width: 180, height: 370 }, deviceScaleFactor: 2 });
    for (const [name, url] of Object.entries(pages())) {
      await page.goto(url);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect({ name, overflow }).toEqual({ name, overflow: 0 });
    }
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(pages()['corriger une fiche']);
    await screenshot(page, 'formulaire-corriger-une-fiche-mobile');
    await page.close();
  });
});
