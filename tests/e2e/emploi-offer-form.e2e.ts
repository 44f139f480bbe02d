import type { Page } from 'playwright-core';
import { DEMO_EMPLOYER_ACCOUNT } from '../../src/plugins/emploi/server/src/services/demo';
import { createAccount } from '../../src/plugins/emploi/tests/helpers';
import { startTestApp, type TestApp } from '../harness/strapi';
import { axeViolations, screenshot } from './browser';
import { BASE, openSpaceSite, type SpaceSite } from './emploi-space';

/**
 * « Proposer une offre » from the members' space: the demo's validated bakery fills the form with
 * the keyboard, is told what to fix next to the field, and sees its offer waiting for the team;
 * a partner of the centre does the same with the employer's name, from a space of its own.
 */
const FORM = `${BASE}espace/proposer-une-offre/`;
const TITLE = 'Vendeur ou vendeuse en boulangerie le week-end';
const PARTNER = { email: 'conseillere@mission-locale.example', password: 'Emploi-quartier-2026' };

let app: TestApp;
let space: SpaceSite;

beforeAll(async () => {
  app = await startTestApp({ DEMO_SEED: 'true', EMAIL_MODE: 'capture' });
  await createAccount(app, PARTNER.email, 'partenaire');
  space = await openSpaceSite(app);
});

afterAll(async () => {
  await space?.close();
  await app?.stop();
});

const logIn = (page: Page, email: string, password: string) => space.logIn(page, email, password);

/** Tab to the next control, which must be `id`, and type there. */
async function tabTo(page: Page, id: string, text?: string): Promise<void> {
  await page.keyboard.press('Tab');
  await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe(id);
  if (text !== undefined) await page.keyboard.type(text);
}

/** Today plus `days` in Paris, YYYY-MM-DD. */
const dayIn = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Europe/Paris' });
const browserDigits = (day: string) => {
  const [year, month, date] = day.split('-');
  return `${month}${date}${year}`;
};

describe('the offer form', () => {
  it('tells a visitor who is not logged in to log in, and without JavaScript that it needs it', async () => {
    const page = await space.browser.newPage();
    await page.goto(`${space.site.url}${FORM}`);
    await page.getByText('Ce formulaire est réservé aux employeurs validés par le centre').waitFor();
    await expect(page.locator('#offre-formulaire').isVisible()).resolves.toBe(false);
    await expect(page.getByRole('link', { name: 'Me connecter' }).isVisible()).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();

    const context = await space.browser.newContext({ javaScriptEnabled: false });
    const noScript = await context.newPage();
    await noScript.goto(`${space.site.url}${FORM}`);
    await expect(noScript.getByText('Cet espace a besoin de JavaScript').isVisible()).resolves.toBe(true);
    await expect(noScript.locator('#offre-formulaire').isVisible()).resolves.toBe(false);
    await context.close();
    // The public page sends employers and partners to the form.
    const about = await (await fetch(space.url('proposer-une-offre/'))).text();
    expect(about).toContain(`href="${FORM}"`);
  });

  it('lets the validated employer fill it with the keyboard, fix an error by the field, and see the offer pending', async () => {
    const context = await space.browser.newContext();
    const page = await context.newPage();
    await logIn(page, DEMO_EMPLOYER_ACCOUNT.email, DEMO_EMPLOYER_ACCOUNT.password);
    await page.getByText('Vous n’avez encore proposé aucune offre.').waitFor();
    await Promise.all([
      page.waitForURL(`${space.site.url}${FORM}`),
      page.getByRole('link', { name: 'Proposer une offre d’emploi' }).click(),
    ]);
    await page.locator('#offre-formulaire').waitFor();
    // The employer's name, sector and centre are its record's: the form does not ask for them.
    await expect(page.locator('#offre-employeur').count()).resolves.toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    await page.locator('#offre-intitule').focus();
    await page.keyboard.type(TITLE);
    await tabTo(page, 'offre-contrat', 'CDD');
    await expect(page.locator('#offre-contrat').inputValue()).resolves.toBe('cdd');
    await tabTo(page, 'offre-heures', '14');
    await tabTo(page, 'offre-rome', 'D1102');
    await tabTo(page, 'offre-commune', 'Roubaix');
    await tabTo(page, 'offre-code-postal', '59100');
    await tabTo(page, 'offre-missions', 'Servir les clients le samedi et le dimanche matin, tenir la caisse.');
    await tabTo(page, 'offre-profil', 'Débutant accepté.');
    // A date field takes its parts typed in a row, in the browser's order (Debian's headless
    // Chromium shows month, day, year whatever the page's language), then its calendar button.
    const start = dayIn(7);
    const until = dayIn(21);
    await tabTo(page, 'offre-debut', browserDigits(start));
    await tabTo(page, 'offre-debut');
    await tabTo(page, 'offre-fin', browserDigits(until));
    await tabTo(page, 'offre-fin');
    await expect(page.locator('#offre-debut').inputValue()).resolves.toBe(start);
    await expect(page.locator('#offre-fin').inputValue()).resolves.toBe(until);
    await expect(page.locator('#offre-fin').getAttribute('max')).resolves.toBe(dayIn(60));
    await tabTo(page, 'offre-postuler-par-email');
    await page.keyboard.press('Space');
    await expect(page.locator('#offre-postuler-par-email').isChecked()).resolves.toBe(true);
    await tabTo(page, 'offre-postuler-email', 'recrutement@');
    await page.keyboard.press('Enter');

    const field = page.locator('#offre-postuler-email');
    await page.locator('#offre-postuler-email-erreur').getByText('Cette adresse e-mail n’est pas valide.').waitFor();
    await expect(field.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('offre-postuler-email');
    await expect(field.getAttribute('aria-describedby')).resolves.toContain('offre-postuler-email-erreur');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'emploi-offre-erreur');

    await page.keyboard.type('boulangerie-des-oliviers.example');
    await page.keyboard.press('Enter');
    const sent = page.locator('#offre-envoyee');
    await sent.getByText('Votre offre est envoyée : l’équipe du centre la relit avant publication.').waitFor();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('offre-envoyee');
    await expect(field.getAttribute('aria-invalid')).resolves.toBeNull();
    const item = page.locator('#offres-proposees-liste li').filter({ hasText: TITLE });
    await item.getByText('En attente de relecture').waitFor();
    await expect(item.textContent()).resolves.toMatch(/En ligne jusqu’au \d{1,2} \S+ \d{4}/);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'emploi-offre-envoyee');

    // Nothing is public before the team accepts it.
    const offers = (await (await fetch(`${app.baseUrl}/api/emploi/offers?pageSize=50`)).json()) as {
      data: { title: string }[];
    };
    expect(offers.data.map((offer) => offer.title)).not.toContain(TITLE);

    // At 200 % zoom on a 360-pixel phone (180 CSS pixels), nothing scrolls sideways.
    await page.setViewportSize({ width: 180, height: 370 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBe(0);
    await context.close();
  });

  it('lets the employer withdraw her offer from her space with the keyboard, after a question she may cancel', async () => {
    const context = await space.browser.newContext();
    const page = await context.newPage();
    await logIn(page, DEMO_EMPLOYER_ACCOUNT.email, DEMO_EMPLOYER_ACCOUNT.password);
    const item = page.locator('.own-offers li').filter({ hasText: TITLE });
    await item.getByText('En attente de relecture').waitFor();
    const close = item.getByRole('button', { name: `Retirer l’offre « ${TITLE} »` });
    await close.focus();
    await page.keyboard.press('Enter');
    const question = item.getByText('Retirer cette offre avant la relecture de l’équipe ?');
    await expect(question.evaluate((node) => node === document.activeElement)).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'emploi-offre-clore');
    // « Annuler » closes the question and gives the focus back; nothing was sent.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(question.isVisible()).resolves.toBe(false);
    await expect(close.evaluate((node) => node === document.activeElement)).resolves.toBe(true);
    await item.getByText('En attente de relecture').waitFor();

    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await item
      .locator('.card__meta')
      .getByText(/^Close · /)
      .waitFor();
    await page
      .locator('#espace-etat')
      .getByText(`L’offre « ${TITLE} » est retirée : elle ne sera pas publiée.`)
      .waitFor();
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(TITLE);
    await expect(item.getByRole('button').count()).resolves.toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    // The team's queue no longer waits for it, and it will never be public.
    const offer = await app.strapi.db.query('plugin::emploi.offer').findOne({ where: { title: TITLE } });
    expect(offer.state).toBe('closed');
    const review = await app.strapi.db.query('plugin::core.moderation-item').findOne({
      where: { subjectId: offer.documentId },
    });
    expect(review.status).toBe('refused');
    await context.close();
  });

  it('gives a partner a space with its offers, and a form that asks for the employer’s name', async () => {
    const context = await space.browser.newContext();
    const page = await context.newPage();
    await logIn(page, PARTNER.email, PARTNER.password);
    await page.getByRole('heading', { name: 'Votre espace partenaire' }).waitFor();
    await page.getByText('Vous n’avez encore proposé aucune offre.').waitFor();
    await expect(page.getByRole('button', { name: 'Supprimer mon espace' }).count()).resolves.toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`${space.site.url}${FORM}`);
    await page.locator('#offre-employeur').waitFor();
    await page.locator('#offre-intitule').fill('Agent ou agente d’entretien des espaces verts');
    await page.locator('#offre-contrat').selectOption('cddi');
    await page.locator('#offre-commune').fill('Tourcoing');
    await page.locator('#offre-missions').fill('Entretenir les parcs et les jardins de la ville, en équipe de quatre.');
    await page.locator('#offre-postuler-par-reception').check();
    await page.getByRole('button', { name: 'Envoyer l’offre au centre' }).click();
    await page.locator('#offre-employeur-erreur').getByText('Le nom de l’employeur est obligatoire.').waitFor();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('offre-employeur');
    await page.locator('#offre-employeur').fill('Chantier d’insertion Les Jardins du Nord');
    await page.getByRole('button', { name: 'Envoyer l’offre au centre' }).click();
    await page.locator('#offre-envoyee').waitFor({ state: 'visible' });
    await page
      .locator('#offres-proposees-liste li')
      .filter({ hasText: 'Agent ou agente d’entretien des espaces verts' })
      .getByText('En attente de relecture')
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
