import type { TestApp } from '../../../../tests/harness/strapi';

export interface Account {
  id: number;
  email: string;
  jwt: string;
}

/** A Users & Permissions account of the given role, logged in through the real route. */
export async function createAccount(app: TestApp, email: string, roleType: string): Promise<Account> {
  const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: roleType } });
  if (!role) throw new Error(`No role ${roleType}`);
  const password = 'Emploi-quartier-2026';
  const user = await app.strapi
    .plugin('users-permissions')
    .service('user')
    .add({ username: email, email, password, provider: 'local', confirmed: true, blocked: false, role: role.id });
  const login = await app.http().post('/api/auth/local').send({ identifier: email, password });
  if (login.status !== 200) throw new Error(`Login of ${email} failed with ${login.status}`);
  return { id: user.id, email, jwt: login.body.jwt };
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** Each error of a 400 as `[field, message]`. */
export const fieldErrors = (body: { error: { details: { errors: { path: string[]; message: string }[] } } }) =>
  body.error.details.errors.map((error) => [error.path.join('.'), error.message]);

/** `day` plus `days`, YYYY-MM-DD. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** An offer as partners and employers send it. */
export const offerBody = (overrides: Record<string, unknown> = {}) => ({
  title: 'Préparateur ou préparatrice de commandes',
  romeCode: 'N1103',
  contract: 'interim',
  hoursPerWeek: 35,
  commune: 'Tourcoing',
  postalCode: '59200',
  description: 'Préparer les commandes des magasins de la région, en équipe du matin.',
  applyMethod: 'email',
  applyEmail: 'Recrutement@Entrepots-du-canal.example',
  ...overrides,
});
