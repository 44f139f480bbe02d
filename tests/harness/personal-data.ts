import type { TestApp } from './strapi';

/**
 * Finds a person by e-mail through core's personal-data tools, then erases them, as a data
 * protection officer does in the admin; answers both bodies for the test to read.
 */
export async function searchThenErase(
  app: TestApp,
  token: string,
  email: string,
): Promise<{ found: { types: unknown[] }; erased: { types: unknown[] } }> {
  const auth = { Authorization: `Bearer ${token}` };
  const found = await app.http().post('/core/gdpr/search').set(auth).send({ email }).expect(200);
  const erased = await app
    .http()
    .post('/core/gdpr/erase')
    .set(auth)
    .send({ email, confirmation: 'EFFACER' })
    .expect(200);
  return { found: found.body, erased: erased.body };
}
