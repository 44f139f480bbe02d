import type { Page } from 'playwright-core';
import { DEMO_CANDIDATE, DEMO_EMPLOYER_ACCOUNT } from '../../src/plugins/emploi/server/src/services/demo';
import { MEMBERS_API, memberRequest, sessionOf } from '../../src/plugins/emploi/tests/member-helpers';
import { createStaff } from '../harness/admin';
import { startTestApp, type TestApp } from '../harness/strapi';
import { axeViolations, screenshot } from './browser';
import { openSpaceSite, type SpaceSite } from './emploi-space';

/**
 * A « Référent emploi » on the site: the team entrusts her with a candidate, she answers an
 * employer for her and writes to all her candidates, and the candidate reads it in her space.
 */
const CANDIDATE_UID = 'plugin::emploi.candidate';
const USER_UID = 'plugin::users-permissions.user';
const REFERENT = { email: 'rita.k@oliviers.example', password: 'Un-mot-de-passe-2026' };
const GROUP_MESSAGE = 'Atelier CV jeudi à 14 h au centre : apportez une clé USB.';

let app: TestApp;
let space: SpaceSite;
let staff: { token: string };

beforeAll(async () => {
  app = await startTestApp({ DEMO_SEED: 'true' });
  // The team creates her account; she would choose her password from the e-mailed link.
  staff = await createStaff(app, 'accueil@oliviers.example', ['super-admin']);
  const created = await app
    .http()
    .post('/emploi/referents')
    .set('Authorization', `Bearer ${staff.token}`)
    .send({ email: REFERENT.email })
    .expect(201);
  const { id } = created.body.data as { id: number };
  await app.strapi.plugin('users-permissions').service('user').edit(id, { password: REFERENT.password });
  space = await openSpaceSite(app);
});

afterAll(async () => {
  await space?.close();
  await app?.stop();
});

const logIn = (page: Page, email: string, password: string) => space.logIn(page, email, password);

describe('a referent’s space', () => {
  it('keeps saying, without JavaScript, that the space needs it', async () => {
    const context = await space.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(space.url('espace/'));
    await expect(page.getByText('Cet espace a besoin de JavaScript').isVisible()).resolves.toBe(true);
    await context.close();
  });

  it('says when no candidate is entrusted to her yet', async () => {
    const context = await space.browser.newContext();
    const page = await context.newPage();
    await logIn(page, REFERENT.email, REFERENT.password);
    await page.getByText('Aucun candidat ne vous est encore confié.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('answers an employer for her candidate, writes to all her candidates, and the candidate reads it', async () => {
    // The team names her Inès's referent, and the demo bakery proposes an exchange to Inès.
    const referent = await app.strapi.db.query(USER_UID).findOne({ where: { email: REFERENT.email } });
    const ines = await app.strapi.db.query(CANDIDATE_UID).findOne({ where: { email: DEMO_CANDIDATE.email } });
    await app.strapi.db.query(CANDIDATE_UID).update({ where: { id: ines.id }, data: { referent: referent.id } });
    const bakery = sessionOf(
      await app
        .http()
        .post(`${MEMBERS_API}/session`)
        .send({ email: DEMO_EMPLOYER_ACCOUNT.email, password: DEMO_EMPLOYER_ACCOUNT.password })
        .expect(200),
    );
    await memberRequest(app)(bakery, 'post', `/candidates/${ines.documentId}/positionings`)
      .send({ message: 'Bonjour, un poste de vendeuse le matin vous intéresse-t-il ?' })
      .expect(201);
    // The team also makes Chloé's profile with her at the centre: she has no space of her own.
    const chloe = await app
      .http()
      .post('/emploi/candidates')
      .set('Authorization', `Bearer ${staff.token}`)
      .send({
        firstName: 'Chloé',
        lastName: 'Lefebvre',
        commune: 'Tourcoing',
        desiredJobs: ['Agente d’entretien'],
        referent: REFERENT.email,
        consentMethod: 'oral',
        centre: 'demonstration',
      })
      .expect(201);
    await memberRequest(app)(bakery, 'post', `/candidates/${chloe.body.data.id}/positionings`)
      .send({ message: 'Bonjour, nous cherchons une personne pour l’entretien du fournil.' })
      .expect(201);

    const context = await space.browser.newContext();
    const page = await context.newPage();
    await logIn(page, REFERENT.email, REFERENT.password);
    const card = page.getByRole('article', { name: 'Inès Moreau' });
    await card.getByText('Roubaix · 1 proposition en attente').waitFor();
    await card.getByText('un poste de vendeuse le matin').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // Declining asks first, then says so; Chloé's card shows she has no space.
    const other = page.getByRole('article', { name: 'Chloé Lefebvre' });
    await other.getByText('Tourcoing · 1 proposition en attente · sans espace personnel').waitFor();
    await other.getByRole('button', { name: 'Refuser pour Chloé Lefebvre' }).click();
    await other.getByRole('button', { name: 'Oui, refuser' }).click();
    await page.locator('#espace-etat').filter({ hasText: 'Vous avez refusé la proposition' }).waitFor();
    await other.getByText('Tourcoing · aucune proposition en attente').waitFor();
    await other.getByText('Refusée').waitFor();

    // For Inès, she changes her mind before declining, then accepts with the keyboard.
    await card.getByRole('button', { name: 'Refuser pour Inès Moreau' }).click();
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toMatch(
      /^Refuser la proposition de .+ au nom de Inès Moreau \?/,
    );
    await card.getByRole('button', { name: 'Annuler' }).click();
    await card.getByRole('button', { name: 'Accepter pour Inès Moreau' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('#espace-etat').filter({ hasText: 'Vous avez accepté la proposition' }).waitFor();
    await card.getByText('aucune proposition en attente').waitFor();
    const positioning = await app.strapi.db
      .query('plugin::emploi.positioning')
      .findOne({ where: { candidate: { id: ines.id } } });
    expect(positioning.state).toBe('accepted');

    // She writes in the conversation of the accepted positioning.
    await card.getByLabel('Écrire un message').fill('Inès viendra jeudi avec moi.');
    await card.getByRole('button', { name: 'Envoyer', exact: true }).click();
    await card.getByText('Vous, le').waitFor();

    // An empty message gets the server's French message by the form; then one reaches Inès only,
    // Chloé having no space to read it.
    await page.getByRole('button', { name: 'Envoyer à tous mes candidats' }).click();
    await page.locator('#message-collectif-etat').filter({ hasText: 'Le message est obligatoire.' }).waitFor();
    await expect(page.locator('#message-collectif').getAttribute('aria-invalid')).resolves.toBe('true');
    await page.getByLabel('Votre message').fill(GROUP_MESSAGE);
    await page.getByRole('button', { name: 'Envoyer à tous mes candidats' }).click();
    await page
      .locator('#message-collectif-etat')
      .filter({ hasText: 'Message envoyé : 1 candidat l’a reçu.' })
      .waitFor();
    await page.getByRole('region', { name: 'Vos messages envoyés' }).getByText(GROUP_MESSAGE).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'emploi-espace-referent');
    // At 200 % zoom (half the width), nothing needs a sideways scroll.
    await page.setViewportSize({ width: 640, height: 900 });
    await expect(
      page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
    ).resolves.toBe(true);
    await context.close();

    const own = await space.browser.newContext();
    const candidate = await own.newPage();
    await logIn(candidate, DEMO_CANDIDATE.email, DEMO_CANDIDATE.password);
    const received = candidate.getByRole('region', { name: 'Messages de votre référente' });
    await received.getByText(GROUP_MESSAGE).waitFor();
    await candidate.getByText('Votre référente, le').waitFor();
    expect(await axeViolations(candidate)).toEqual([]);
    await own.close();

    // The bakery now reads Inès's details and her referent's address, nothing left blank.
    const employerContext = await space.browser.newContext();
    const employerPage = await employerContext.newPage();
    await logIn(employerPage, DEMO_EMPLOYER_ACCOUNT.email, DEMO_EMPLOYER_ACCOUNT.password);
    await employerPage.getByText(`Contact : Inès Moreau, ${DEMO_CANDIDATE.email}`).waitFor();
    await employerPage.getByText(`Son référent : ${REFERENT.email}`).waitFor();
    await expect(employerPage.locator('main').textContent()).resolves.not.toContain('null');
    await employerContext.close();
  });
});
