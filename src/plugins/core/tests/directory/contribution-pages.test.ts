import { startTestApp, type TestApp } from '../../../../../tests/harness/strapi';

const STRUCTURE = 'plugin::core.structure';
const ITEMS = 'plugin::core.moderation-item';
const CENTRE = 'plugin::core.centre';
const FORMS = '/formulaires';
const STRUCTURE_PAGE = `${FORMS}/oliviers/proposer-une-structure`;
const EVENT_PAGE = `${FORMS}/oliviers/proposer-un-evenement`;
const CORRECTION_PAGE = `${FORMS}/corriger-une-fiche`;
const FORM_TYPE = 'application/x-www-form-urlencoded';

let app: TestApp;
let maison: string;

interface Item {
  id: number;
  kind: string;
  status: string;
  title: string;
  subjectUid: string;
  subjectId: string | null;
  proposedData: Record<string, unknown>;
  submitterEmail: string | null;
}

const encode = (fields: Record<string, string | string[]>) => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, item);
  }
  return params.toString();
};

// Each submission from its own address (behind one trusted proxy), except where limits are tested.
let visitor = 0;
const post = (path: string, fields: Record<string, string | string[]>, address = `203.0.113.${(visitor += 1)}`) =>
  app.http().post(path).set('Content-Type', FORM_TYPE).set('X-Forwarded-For', address).send(encode(fields));

const itemCount = () => app.strapi.db.query(ITEMS).count();
const lastItem = async () => (await app.strapi.db.query(ITEMS).findOne({ orderBy: { id: 'desc' } })) as unknown as Item;

/** What an item proposes: a new entry is a draft of its own, an edit carries its changes. */
async function proposed(item: Item): Promise<Record<string, unknown>> {
  if (item.kind !== 'new') return item.proposedData;
  const draft = await app.strapi.documents(item.subjectUid as never).findOne({ documentId: item.subjectId } as never);
  if (!draft) throw new Error('No draft for this new entry');
  return draft as Record<string, unknown>;
}

/** Every id a summary link points to exists in the page. */
function expectLinkedSummary(page: string, fields: string[]) {
  expect(page).toContain('class="resume"');
  for (const field of fields) {
    expect(page).toContain(`href="#champ-${field}"`);
    expect(page).toContain(`id="champ-${field}"`);
    expect(page).toMatch(new RegExp(`id="champ-${field}"[^>]*aria-invalid="true"|id="erreur-${field}"`));
  }
}

beforeAll(async () => {
  app = await startTestApp({ EMAIL_MODE: 'capture', TRUSTED_PROXIES: '1' });
  const centres = app.strapi.documents(CENTRE);
  const oliviers = await centres.create({
    data: { name: 'Centre social des Oliviers', slug: 'oliviers', website: 'https://oliviers.example.org/' },
  });
  await centres.create({ data: { name: 'Centre social des Tilleuls', slug: 'tilleuls' } });
  maison = (
    await app.strapi.documents(STRUCTURE).create({
      data: {
        nom: 'Maison des familles',
        description: 'Soutien aux parents et ludothèque.',
        commune: 'Lille',
        courriel: 'contact@maison-familles.fr',
        telephone: '03 20 00 00 01',
        centre: oliviers.id,
      },
      status: 'published',
    } as never)
  ).documentId;
});

afterAll(async () => {
  await app?.stop();
});

describe('the page « Proposer une structure »', () => {
  it('is a French page with a labelled form, its hints, required marks and a hidden honeypot', async () => {
    const response = await app.http().get(STRUCTURE_PAGE).expect(200);
    expect(response.type).toBe('text/html');
    expect(response.headers['content-security-policy']).toContain("default-src 'none'");
    expect(response.headers['cache-control']).toBe('no-store');
    const page = response.text;
    expect(page).toContain('<html lang="fr">');
    expect(page).toContain('<h1>Proposer une structure</h1>');
    expect(page).toContain('Centre social des Oliviers');
    expect(page).toContain('href="https://oliviers.example.org/"');
    expect(page).not.toContain('<script');
    expect(page).toContain(`action="${STRUCTURE_PAGE}"`);
    for (const name of ['nom', 'description', 'adresse', 'code_postal', 'commune', 'telephone', 'courriel', 'email']) {
      expect(page).toContain(`name="${name}"`);
      expect(page).toContain(`<label for="champ-${name}">`);
    }
    expect(page).toMatch(/<label for="champ-nom">Nom de la structure <span class="requis">\(obligatoire\)<\/span>/);
    expect(page).toMatch(/name="email"[^>]*autocomplete="email"/);
    expect(page).toMatch(/<div class="piege">.*name="homepage" tabindex="-1"/);
  });

  it('answers a centre that does not exist with a French 404 page', async () => {
    const response = await app.http().get(`${FORMS}/inconnu/proposer-une-structure`).expect(404);
    expect(response.text).toContain('Centre introuvable');
    expect((await app.http().get(`${FORMS}/nulle-part`).expect(404)).text).toContain('Page introuvable');
  });

  it('puts a valid proposal in the centre’s moderation queue and thanks the visitor', async () => {
    const before = await itemCount();
    const response = await post(STRUCTURE_PAGE, {
      nom: 'Jardin partagé des Lilas',
      description: 'Un jardin ouvert à tous le samedi.',
      commune: 'Lille',
      code_postal: '59000',
      telephone: '03 20 11 22 33',
      courriel: '',
      email: 'voisine@example.org',
      homepage: '',
    });
    expect(response.status).toBe(200);
    expect(response.text).toContain('Merci, c’est envoyé');
    expect(response.text).toContain('Vous recevrez sa réponse par e-mail.');
    expect(await itemCount()).toBe(before + 1);
    const item = await lastItem();
    expect(item).toMatchObject({
      kind: 'new',
      status: 'pending',
      title: 'Jardin partagé des Lilas — Lille',
      subjectUid: STRUCTURE,
      submitterEmail: 'voisine@example.org',
    });
    expect(await proposed(item)).toMatchObject({ nom: 'Jardin partagé des Lilas', code_postal: '59000' });
    const centre = await app.strapi.db.query(ITEMS).findOne({ where: { id: item.id }, populate: ['centre'] });
    expect(centre.centre.slug).toBe('oliviers');
    // Nothing is published before a moderator accepts it.
    const online = await app.http().get('/api/core/directory/structures?pageSize=100').expect(200);
    expect(online.body.data.map((entry: { nom: string }) => entry.nom)).not.toContain('Jardin partagé des Lilas');
  });

  it('shows the form again with a linked error summary, per-field messages and what was typed', async () => {
    const before = await itemCount();
    const response = await post(STRUCTURE_PAGE, {
      nom: 'Ab',
      description: 'Une description que l’on garde.',
      telephone: 'pas un numéro',
      email: 'pas-une-adresse',
      commune: 'Lille',
    });
    expect(response.status).toBe(400);
    const page = response.text;
    expect(page).toContain('<title>Erreur : Proposer une structure');
    expect(page).toContain('Le formulaire contient 3 erreurs');
    expectLinkedSummary(page, ['nom', 'telephone', 'email']);
    expect(page).toContain('Le nom compte au moins 3 caractères.');
    expect(page).toContain('Cette adresse e-mail n’est pas valide.');
    expect(page).toContain('<textarea id="champ-description" name="description"');
    expect(page).toContain('>Une description que l’on garde.</textarea>');
    expect(page).toMatch(/id="champ-commune"[^>]*value="Lille"/);
    expect(page).toMatch(/id="champ-email"[^>]*aria-describedby="aide-email erreur-email"/);
    expect(await itemCount()).toBe(before);
  });

  it('escapes HTML and scripts typed in any field, and refuses fields the form does not have', async () => {
    const before = await itemCount();
    const hostile = '"><script>alert(1)</script><img src=x onerror=alert(2)>';
    const response = await post(STRUCTURE_PAGE, {
      nom: hostile,
      description: `</textarea><script>alert(3)</script>`,
      centre: 'tilleuls',
      role: 'admin',
    });
    expect(response.status).toBe(400);
    expect(response.text).not.toContain('<script>alert');
    expect(response.text).not.toContain('<img src=x');
    expect(response.text).toContain('&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(response.text).toContain('&lt;/textarea&gt;&lt;script&gt;alert(3)&lt;/script&gt;</textarea>');
    expect(response.text).toContain('« role » : Ce champ n’est pas attendu.');
    expect(await itemCount()).toBe(before);

    // Valid apart from its markup: stored as plain text, in the centre of the address only.
    const accepted = await post(STRUCTURE_PAGE, { nom: '<b>Épicerie</b> & co', centre: 'tilleuls' });
    expect(accepted.status).toBe(200);
    const item = await lastItem();
    expect((await proposed(item)).nom).toBe('<b>Épicerie</b> & co');
    const withCentre = await app.strapi.db.query(ITEMS).findOne({ where: { id: item.id }, populate: ['centre'] });
    expect(withCentre.centre.slug).toBe('oliviers');
  });

  it('drops a honeypot submission with the same thanks, writing nothing', async () => {
    const before = await itemCount();
    const response = await post(STRUCTURE_PAGE, { nom: 'Structure robot', homepage: 'https://spam.example' });
    expect(response.status).toBe(200);
    expect(response.text).toContain('Merci, c’est envoyé');
    expect(await itemCount()).toBe(before);
  });

  it('refuses an oversized body or another encoding with a French page, writing nothing', async () => {
    const before = await itemCount();
    const big = await post(STRUCTURE_PAGE, { nom: 'Grande structure', description: 'x'.repeat(40 * 1024) });
    expect(big.status).toBe(413);
    expect(big.type).toBe('text/html');
    expect(big.text).toContain('Le formulaire est trop long (32 Ko au plus)');
    const json = await app
      .http()
      .post(STRUCTURE_PAGE)
      .set('Content-Type', 'application/json')
      .send({ nom: 'Structure JSON' });
    expect(json.status).toBe(415);
    expect(json.text).toContain('<html lang="fr">');
    expect(await itemCount()).toBe(before);
  });
});

describe('the page « Proposer un événement »', () => {
  it('has the event’s fields, dates split in day and time, audiences as checkboxes', async () => {
    const page = (await app.http().get(EVENT_PAGE).expect(200)).text;
    expect(page).toContain('<h1>Proposer un événement</h1>');
    expect(page).toMatch(/type="date" id="champ-date_debut_jour" name="date_debut_jour" required/);
    expect(page).toContain('type="time" id="champ-date_debut_heure"');
    expect(page).toContain('<legend>Pour qui ?');
    expect(page).toContain('value="familles"');
  });

  it('reads dates in Paris time (picker or typed) and sends the event to moderation', async () => {
    const before = await itemCount();
    const response = await post(EVENT_PAGE, {
      titre: 'Fête des voisins',
      date_debut_jour: '2027-07-14',
      date_debut_heure: '18:30',
      date_fin_heure: '22:00',
      publics: ['familles', 'seniors'],
      age_min: '3',
      age_max: ' 11 ',
      prix: 'Gratuit',
    });
    expect(response.status).toBe(200);
    expect(await itemCount()).toBe(before + 1);
    const event = await proposed(await lastItem());
    expect(event).toMatchObject({
      titre: 'Fête des voisins',
      publics: ['familles', 'seniors'],
      age_min: 3,
      age_max: 11,
      journee_entiere: false,
    });
    // 18:30 in Paris in summer is 16:30 UTC; the end takes the start's day.
    expect(new Date(event.date_debut as string).toISOString()).toBe('2027-07-14T16:30:00.000Z');
    expect(new Date(event.date_fin as string).toISOString()).toBe('2027-07-14T20:00:00.000Z');

    const allDay = await post(EVENT_PAGE, { titre: 'Brocante d’hiver', date_debut_jour: '05/12/2027' });
    expect(allDay.status).toBe(200);
    const second = await proposed(await lastItem());
    expect(second.journee_entiere).toBe(true);
    expect(new Date(second.date_debut as string).toISOString()).toBe('2027-12-04T23:00:00.000Z');
  });

  it('explains a missing or unreadable date on the date field, keeping the ticked boxes', async () => {
    const before = await itemCount();
    const missing = await post(EVENT_PAGE, { titre: 'Atelier cuisine', publics: 'familles' });
    expect(missing.status).toBe(400);
    expectLinkedSummary(missing.text, ['date_debut_jour']);
    expect(missing.text).toContain('Indiquez la date et l’heure du début.');
    expect(missing.text).toMatch(/value="familles" checked/);
    const unreadable = await post(EVENT_PAGE, { titre: 'Atelier cuisine', date_debut_jour: '31/02/2027' });
    expect(unreadable.status).toBe(400);
    expect(unreadable.text).toContain('Date ou heure de début illisible');
    expect(unreadable.text).toMatch(/id="champ-date_debut_jour"[^>]*value="31\/02\/2027"/);
    const ages = await post(EVENT_PAGE, {
      titre: 'Atelier cuisine',
      date_debut_jour: '2027-03-03',
      age_min: 'trois',
      age_max: '40',
    });
    expect(ages.status).toBe(400);
    expectLinkedSummary(ages.text, ['age_min', 'age_max']);
    expect(ages.text).toContain('L’âge minimum est un nombre entier d’années.');
    expect(ages.text).toContain('L’âge maximum est entre 0 et 25 ans.');
    expect(ages.text).toMatch(/id="champ-age_min"[^>]*value="trois"/);
    expect(await itemCount()).toBe(before);
  });
});

describe('the page « Corriger la fiche de votre structure »', () => {
  const tokenFor = (documentId: string, expiresAt: Date) =>
    app.strapi.plugin('core').service('directoryContributions').corrections.token(documentId, expiresAt) as string;
  const pageOf = (token: string) => `${CORRECTION_PAGE}?jeton=${encodeURIComponent(token)}`;

  it('shows the published fiche in the form', async () => {
    const token = tokenFor(maison, new Date(Date.now() + 86400000));
    const response = await app.http().get(pageOf(token)).expect(200);
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    const page = response.text;
    expect(page).toContain('<h1>Corriger la fiche de votre structure</h1>');
    expect(page).toContain('Centre social des Oliviers');
    expect(page).toMatch(/id="champ-nom"[^>]*value="Maison des familles"/);
    expect(page).toMatch(/id="champ-telephone"[^>]*value="03 20 00 00 01"/);
    expect(page).toContain('>Soutien aux parents et ludothèque.</textarea>');
    expect(page).toContain(`action="${pageOf(token)}"`);
  });

  it('sends only what changed to moderation, the published fiche unchanged', async () => {
    const token = tokenFor(maison, new Date(Date.now() + 86400000));
    const before = await itemCount();
    const response = await post(pageOf(token), {
      nom: 'Maison des familles',
      description: 'Soutien aux parents et ludothèque.',
      commune: 'Lille',
      telephone: '03 20 00 00 09',
      courriel: 'contact@maison-familles.fr',
      horaires_accueil: 'Mo-Fr 09:00-17:00',
      email: '',
    });
    expect(response.status).toBe(200);
    expect(response.text).toContain('Vos corrections sont bien arrivées.');
    expect(await itemCount()).toBe(before + 1);
    const item = await lastItem();
    expect(item).toMatchObject({ kind: 'edit', status: 'pending', subjectId: maison });
    expect(item.submitterEmail).toBe('contact@maison-familles.fr');
    expect(item.proposedData).toMatchObject({ telephone: '03 20 00 00 09', horaires_accueil: 'Mo-Fr 09:00-17:00' });
    expect(item.proposedData).not.toHaveProperty('commune');
    const online = await app.strapi.documents(STRUCTURE).findOne({ documentId: maison, status: 'published' } as never);
    expect(online?.telephone).toBe('03 20 00 00 01');
  });

  it('says so when nothing was changed, and keeps field errors on their fields', async () => {
    const token = tokenFor(maison, new Date(Date.now() + 86400000));
    const before = await itemCount();
    const unchanged = await post(pageOf(token), { nom: 'Maison des familles', commune: 'Lille' });
    expect(unchanged.status).toBe(400);
    expect(unchanged.text).toContain('Indiquez au moins un champ à modifier.');
    const wrong = await post(pageOf(token), { siret: '123', site_web: 'javascript:alert(1)' });
    expect(wrong.status).toBe(400);
    expectLinkedSummary(wrong.text, ['siret', 'site_web']);
    expect(wrong.text).toContain('Le SIRET compte 14 chiffres.');
    expect(await itemCount()).toBe(before);
  });

  it('explains a tampered or expired link in French, writing nothing', async () => {
    const token = tokenFor(maison, new Date(Date.now() + 86400000));
    const tampered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    const expired = tokenFor(maison, new Date(Date.now() - 1000));
    const before = await itemCount();
    for (const bad of [tampered, 'v1.nimportequoi', '']) {
      const page = await app.http().get(pageOf(bad));
      expect(page.status).toBe(400);
      expect(page.text).toContain('Ce lien ne fonctionne pas');
      expect(page.text).toContain('demander un nouveau lien');
      expect((await post(pageOf(bad), { telephone: '03 20 99 99 99' })).status).toBe(400);
    }
    const old = await app.http().get(pageOf(expired));
    expect(old.status).toBe(410);
    expect(old.text).toContain('Ce lien a expiré');
    expect((await post(pageOf(expired), { telephone: '03 20 99 99 99' })).status).toBe(410);
    expect(await itemCount()).toBe(before);
  });
});

describe('rate limits', () => {
  it('answer in French once the hourly allowance (shared with the JSON route) is spent', async () => {
    let response = await post(STRUCTURE_PAGE, { nom: 'Structure pressée' }, '198.51.100.7');
    for (let attempt = 0; attempt < 12 && response.status !== 429; attempt += 1) {
      await app
        .http()
        .post('/api/core/directory/suggestions/structures')
        .set('X-Forwarded-For', '198.51.100.7')
        .send({ centre: 'oliviers', nom: 'S' });
      response = await post(STRUCTURE_PAGE, { nom: 'S' }, '198.51.100.7');
    }
    expect(response.status).toBe(429);
    expect(response.headers['retry-after']).toMatch(/^\d+$/);
    expect(response.text).toContain('<h1>Trop d’envois</h1>');
  });
});
