/**
 * The public-form guard against hostile input, through a real HTTP server and a tiny product
 * plugin (./fixture, mounted through TEST_PLUGINS) whose routes are one publicFormRoute(...) each.
 * Whatever is sent: never a 500, a French message (per field for validation), nothing stored.
 */
import http from 'node:http';
import path from 'node:path';
import { startTestApp, type TestApp } from '../../../../../tests/harness/strapi';
import { createStaff } from '../../../../../tests/harness/admin';
import { SUBMISSION_UID } from './fixture/server';

const CONTACT = '/api/forms-test/contact';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ TEST_PLUGINS: path.join(__dirname, 'fixture') });
});

afterAll(async () => {
  await app?.stop();
});

let counter = 0;
function valid(extra: Record<string, unknown> = {}) {
  counter += 1;
  return {
    name: 'Awa Diallo',
    email: `awa.${counter}@exemple.fr`,
    message: 'Bonjour, je voudrais connaître les horaires de l’atelier numérique.',
    ...extra,
  };
}

const stored = () => app.strapi.db.query(SUBMISSION_UID as never).count();
const auditCount = () => app.strapi.db.query('plugin::core.audit-entry').count();

function post(body: string | Buffer, contentType: string | null = 'application/json') {
  const request = app.http().post(CONTACT);
  if (contentType) request.set('Content-Type', contentType);
  return request.send(body);
}

/** A request supertest cannot make: raw bytes, headers that lie, chunked bodies. */
function rawRequest(
  headers: Record<string, string>,
  write: (request: http.ClientRequest) => void,
): Promise<{ status: number; body: { error: { message: string } } }> {
  const url = new URL(CONTACT, app.baseUrl);
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', headers }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => {
        resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) });
        request.destroy();
      });
    });
    request.on('error', reject);
    write(request);
  });
}

describe('the route table', () => {
  it('knows each public form by the path and method Strapi serves it at', () => {
    const forms = app.strapi
      .plugin('core')
      .service('publicForms')
      .list()
      .map((entry: { method: string; path: string }) => `${entry.method} ${entry.path}`);
    expect(forms).toEqual([
      'POST /api/core/reports',
      'POST /api/core/directory/suggestions/structures',
      'POST /api/core/directory/suggestions/events',
      'POST /api/core/directory/corrections/:token',
      'POST /api/dictionnaire/requests',
      'POST /api/dictionnaire/contributors',
      'POST /api/emploi/members/candidates/sign-up',
      'POST /api/emploi/members/employers/sign-up',
      'POST /api/emploi/members/session',
      'POST /api/emploi/members/password/forgot',
      'POST /api/emploi/members/password/reset',
      'POST /api/pense-bete/unsubscribe/:token',
      'POST /api/forms-test/contact',
      'POST /api/forms-test/items/:id/reports',
    ]);
  });
});

describe('a valid submission', () => {
  it('is stored once and answered 202', async () => {
    const before = await stored();
    const response = await post(JSON.stringify(valid({ age: 34, topics: ['emploi'] })));
    expect(response.status).toBe(202);
    expect(response.body).toEqual({ data: { received: true } });
    expect(response.headers['cache-control']).toBe('no-store');
    expect(await stored()).toBe(before + 1);
  });

  it('keeps HTML and scripts as plain text, exactly as typed (sites escape them)', async () => {
    const message = '<script>alert("x")</script><img src=x onerror=alert(1)> <b>merci</b> & à bientôt';
    const response = await post(JSON.stringify(valid({ message })));
    expect(response.status).toBe(202);
    const row = await app.strapi.db.query(SUBMISSION_UID as never).findOne({ where: { message } });
    expect(row).toMatchObject({ message });
  });

  it('cleans texts: control characters and bidi overrides removed, NFC, trimmed', async () => {
    const response = await post(
      JSON.stringify(
        valid({ name: '  Zoe\u0301\u0000 \u202eLefe\u0300vre\u0007  ', message: 'Ligne 1\r\nLigne 2\t!' }),
      ),
    );
    expect(response.status).toBe(202);
    const row = (await app.strapi.db
      .query(SUBMISSION_UID as never)
      .findOne({ where: { message: 'Ligne 1\nLigne 2\t!' } })) as { name: string } | null;
    expect(row?.name).toBe('Zoé Lefèvre');
    expect(row?.name).toBe('Zoé Lefèvre'.normalize('NFC'));
  });
});

describe('hostile bodies: never a 500, a French message, nothing stored', () => {
  const fields = (response: { body: { error: { details: { errors?: { path: string[]; message: string }[] } } } }) =>
    Object.fromEntries(
      (response.body.error.details.errors ?? []).map((error) => [error.path.join('.'), error.message]),
    );

  it.each([
    [
      'wrong types',
      JSON.stringify({ name: 42, email: true, message: ['x'], age: 'trente' }),
      {
        name: 'Ce champ attend du texte.',
        email: 'Cette adresse e-mail n’est pas valide.',
        message: 'Ce champ attend du texte.',
        age: 'Ce champ attend un nombre.',
      },
    ],
    [
      'missing fields',
      JSON.stringify({}),
      {
        name: 'Ce champ est obligatoire.',
        email: 'Cette adresse e-mail n’est pas valide.',
        message: 'Ce champ est obligatoire.',
      },
    ],
    [
      'empty texts (after trimming)',
      JSON.stringify({ name: '   ', email: 'awa@exemple.fr', message: '\u0000\u0001' }),
      { name: 'Indiquez votre nom.', message: 'Écrivez votre message.' },
    ],
    [
      'unknown fields, prototype pollution included',
      `{"__proto__":{"isAdmin":true},"constructor":{"prototype":{}},"role":"admin",${JSON.stringify(valid()).slice(1)}`,
      {
        ['__proto__']: 'Ce champ n’est pas attendu.',
        constructor: 'Ce champ n’est pas attendu.',
        role: 'Ce champ n’est pas attendu.',
      },
    ],
    [
      'a lone surrogate written as a JSON escape',
      JSON.stringify(valid()).replace('"Awa Diallo"', '"Awa \\ud800"'),
      { name: 'Ce texte contient un caractère invalide ; retapez-le.' },
    ],
    ['huge numbers', JSON.stringify(valid()).replace(/}$/, ',"age":1e400}'), { age: 'Ce nombre est trop grand.' }],
    [
      'integers beyond what is exact',
      JSON.stringify(valid()).replace(/}$/, ',"age":123456789012345678901234567890}'),
      { age: 'Ce nombre est trop grand.' },
    ],
    ['numbers out of range', JSON.stringify(valid({ age: -4 })), { age: '0 au moins.' }],
    ['a text instead of a list', JSON.stringify(valid({ topics: 'emploi' })), { topics: 'Ce champ attend une liste.' }],
    [
      'an object instead of a text',
      JSON.stringify(valid({ name: { first: 'Awa' } })),
      { name: 'Ce champ attend du texte.' },
    ],
    [
      'a value not on the list',
      JSON.stringify(valid({ topics: ['sport'] })),
      { 'topics.0': 'Choisissez parmi : emploi, logement.' },
    ],
    [
      'too long a text',
      JSON.stringify(valid({ name: 'A'.repeat(81) })),
      { name: 'Le nom compte 80 caractères au plus.' },
    ],
  ])('%s → 400 with a French message per field', async (_label, body, expected) => {
    const before = await stored();
    const response = await post(body);
    expect(response.status).toBe(400);
    expect(response.body.error.name).toBe('ValidationError');
    expect(fields(response)).toEqual(expected);
    expect(await stored()).toBe(before);
  });

  it.each([
    ['an empty body', '', 'Le formulaire est vide.'],
    ['broken JSON', '{"name": "Awa", ', 'Le formulaire n’est pas du JSON valide.'],
    ['a list instead of an object', JSON.stringify([valid()]), 'Le formulaire doit être un objet JSON'],
    ['null', 'null', 'Le formulaire doit être un objet JSON'],
    ['a bare string', '"bonjour"', 'Le formulaire doit être un objet JSON'],
    ['a bare number', '12', 'Le formulaire doit être un objet JSON'],
    [
      'deeply nested JSON',
      `{"name":${'['.repeat(200)}${']'.repeat(200)}}`,
      'Le formulaire est trop imbriqué ou compte trop de valeurs.',
    ],
    [
      'too many values',
      JSON.stringify({ topics: Array.from({ length: 2001 }, () => 0) }),
      'Le formulaire est trop imbriqué ou compte trop de valeurs.',
    ],
  ])('%s → 400 with a French message', async (_label, body, message) => {
    const before = await stored();
    const response = await post(body);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain(message);
    expect(await stored()).toBe(before);
  });

  it.each([
    ['a byte that is never UTF-8', Buffer.from([0xff, 0xfe])],
    ['an overlong encoding of "/"', Buffer.from([0xc0, 0xaf])],
    ['a truncated sequence', Buffer.from([0xe2, 0x82])],
    ['an encoded surrogate', Buffer.from([0xed, 0xa0, 0x80])],
  ])('invalid UTF-8 in the raw body (%s) → 400', async (_label, bytes) => {
    const before = await stored();
    const body = Buffer.concat([
      Buffer.from('{"name":"Awa'),
      bytes,
      Buffer.from(JSON.stringify(valid()).replace(/^{"name":"Awa/, '')),
    ]);
    const response = await rawRequest(
      { 'Content-Type': 'application/json', 'Content-Length': String(body.length) },
      (request) => request.end(body),
    );
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe('Le formulaire contient des caractères illisibles (UTF-8 invalide).');
    expect(await stored()).toBe(before);
  });

  it.each([
    ['text/plain', 'Le formulaire doit être envoyé en JSON'],
    ['application/x-www-form-urlencoded', 'Le formulaire doit être envoyé en JSON'],
    ['multipart/form-data; boundary=x', 'Le formulaire doit être envoyé en JSON'],
    ['application/json; charset=iso-8859-1', 'Le formulaire doit être encodé en UTF-8.'],
  ])('content type %s → 415', async (contentType, message) => {
    const before = await stored();
    const response = await post(JSON.stringify(valid()), contentType);
    expect(response.status).toBe(415);
    expect(response.body.error.message).toContain(message);
    expect(await stored()).toBe(before);
  });

  it('no content type at all → 415', async () => {
    const response = await app.http().post(CONTACT);
    expect(response.status).toBe(415);
  });

  it('a compressed body → 415 (no decompression bombs)', async () => {
    const response = await app
      .http()
      .post(CONTACT)
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'gzip')
      .send(Buffer.from([0x1f, 0x8b, 0x08, 0x00]));
    expect(response.status).toBe(415);
    expect(response.body.error.message).toBe('Les formulaires compressés ne sont pas acceptés.');
  });

  it('an oversized body → 413 with a French message', async () => {
    const before = await stored();
    const response = await post(JSON.stringify(valid({ message: 'a'.repeat(20000) })));
    expect(response.status).toBe(413);
    expect(response.body.error.message).toBe('Le formulaire est trop long (4 Ko au plus) : raccourcissez votre texte.');
    expect(await stored()).toBe(before);
  });

  it('answers 413 from the declared length, before reading the body', async () => {
    // Declares 50 MB and sends 20 bytes: the answer comes without waiting for the rest.
    const response = await rawRequest(
      { 'Content-Type': 'application/json', 'Content-Length': String(50_000_000) },
      (request) => request.write('{"name":"Awa Diallo"'),
    );
    expect(response.status).toBe(413);
    expect(response.body.error.message).toContain('trop long');
  });

  it('stops reading a chunked body as soon as it passes the limit → 413', async () => {
    const before = await stored();
    const response = await rawRequest(
      { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
      (request) => {
        request.write(`{"name":"Awa","email":"awa@exemple.fr","message":"`);
        for (let i = 0; i < 10; i += 1) request.write('x'.repeat(1000));
        request.end('"}');
      },
    );
    expect(response.status).toBe(413);
    expect(await stored()).toBe(before);
  });
});

describe('the honeypot', () => {
  it('answers a filled honeypot like a success, stores nothing and audits nothing', async () => {
    const [before, auditBefore] = [await stored(), await auditCount()];
    const response = await post(JSON.stringify(valid({ homepage: 'https://spam.example' })));
    expect(response.status).toBe(202);
    expect(response.body).toEqual({ data: { received: true } });
    expect(await stored()).toBe(before);
    expect(await auditCount()).toBe(auditBefore);
  });

  it('lets a real person through when the honeypot is present but empty', async () => {
    const before = await stored();
    const response = await post(JSON.stringify(valid({ homepage: '' })));
    expect(response.status).toBe(202);
    expect(await stored()).toBe(before + 1);
  });

  it('uses the name each form chooses (url on the reports form)', async () => {
    const before = await stored();
    const response = await app
      .http()
      .post('/api/forms-test/items/honey/reports')
      .send({ reason: 'spam', url: 'http://bot.example' });
    expect(response.status).toBe(202);
    expect(await stored()).toBe(before);
  });
});

describe('the visitor address without a trusted proxy', () => {
  it('ignores X-Forwarded-For: changing it does not escape the per-address limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const response = await app
        .http()
        .post(`/api/forms-test/items/xff-${i}/reports`)
        .set('X-Forwarded-For', `198.51.100.${i + 1}`)
        .send({ reason: 'spam' });
      statuses.push(response.status);
    }
    // The honeypot test above already counted one report from this address (limit 5).
    expect(statuses.filter((status) => status === 202)).toHaveLength(4);
    expect(statuses.slice(-2)).toEqual([429, 429]);
  });
});

describe('the rest of the API is untouched', () => {
  it('staff still upload files larger than any public form allows', async () => {
    const staff = await createStaff(app, 'direction@federation.fr', ['super-admin']);
    const minutes = Buffer.from('Compte rendu de l’assemblée générale.\n'.repeat(3000));
    const response = await app
      .http()
      .post('/upload')
      .set('Authorization', `Bearer ${staff.token}`)
      .attach('files', minutes, { filename: 'compte-rendu.txt', contentType: 'text/plain' });
    expect(response.status).toBe(201);
  });

  it('other JSON routes keep Strapi’s own parser', async () => {
    const response = await app.http().post('/admin/login').send({ email: 'personne@exemple.fr', password: 'x' });
    // Parsed: the credentials were read and refused (an unread body would be a validation error).
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe('Invalid credentials');
  });
});
