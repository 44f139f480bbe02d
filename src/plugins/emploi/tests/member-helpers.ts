import type { TestApp } from '../../../../tests/harness/strapi';

export const MEMBERS_API = '/api/emploi/members';

/** A member's session as the site holds it: the cookies, and the CSRF token its script echoes. */
export interface Session {
  cookie: string;
  csrf: string;
}

export const cookiesOf = (setCookie: string[] | string | undefined): Record<string, string> =>
  Object.fromEntries(
    ([] as string[]).concat(setCookie ?? []).map((line) => {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      return [pair.slice(0, at), pair.slice(at + 1)];
    }),
  );

export function sessionOf(response: { headers: Record<string, unknown> }): Session {
  const jar = cookiesOf(response.headers['set-cookie'] as string[]);
  return { cookie: `emploi_session=${jar.emploi_session}; emploi_csrf=${jar.emploi_csrf}`, csrf: jar.emploi_csrf };
}

/** A request of a member's space, with the session cookie and the CSRF header as the site sends them. */
export const memberRequest =
  (app: TestApp) => (session: Session | null, method: 'get' | 'post' | 'put' | 'delete', path: string) => {
    const call = app.http()[method](`${MEMBERS_API}${path}`);
    return session ? call.set('Cookie', session.cookie).set('X-CSRF-Token', session.csrf) : call;
  };

export const candidateBody = (overrides: Record<string, unknown> = {}) => ({
  email: 'amina.benali@example.org',
  password: 'Un-mot-de-passe-2026',
  firstName: 'Amina',
  lastName: 'Benali',
  commune: 'Roubaix',
  consent: true,
  ...overrides,
});

export const employerBody = (overrides: Record<string, unknown> = {}) => ({
  email: 'rh@entrepots-du-canal.example',
  password: 'Un-mot-de-passe-2026',
  name: 'Entrepôts du Canal',
  siret: '73282932000074',
  sector: 'transport-logistique',
  commune: 'Tourcoing',
  contactRole: 'Responsable du recrutement',
  ...overrides,
});
