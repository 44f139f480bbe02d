/** Public, read-only: what the static site build reads. */
const read = (path: string, handler: string) => ({
  method: 'GET' as const,
  path,
  handler: `read.${handler}`,
  config: { auth: false as const },
});

/** Members' spaces: the handler authenticates by the session cookie (see `members/session.ts`). */
const member = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, handler: string) => ({
  method,
  path: `/members${path}`,
  handler: `members.${handler}`,
  config: { auth: false as const },
});

/**
 * Public routes under /api/emploi/. Reads are open (published offers only). The partner routes
 * need a Users & Permissions account with core's « Partenaire » role (actions granted through
 * core, see bootstrap); the employer routes an account with the « Employeur » role, linked to an
 * employer the centre validated. Bodies are checked field by field in French (`offers/fields.ts`).
 */
export default {
  type: 'content-api' as const,
  routes: [
    read('/offers', 'list'),
    read('/offers/:id', 'offer'),
    read('/actors', 'actors'),
    read('/events', 'events'),
    { method: 'GET' as const, path: '/partner/offers', handler: 'partner.listOffers' },
    { method: 'POST' as const, path: '/partner/offers', handler: 'partner.createOffer' },
    { method: 'GET' as const, path: '/employer/offers', handler: 'employer.listOffers' },
    { method: 'POST' as const, path: '/employer/offers', handler: 'employer.createOffer' },
    member('POST', '/candidates/sign-up', 'signUpCandidate'),
    member('POST', '/employers/sign-up', 'signUpEmployer'),
    member('POST', '/session', 'logIn'),
    member('DELETE', '/session', 'logOut'),
    member('GET', '/me', 'me'),
    member('POST', '/me/delete', 'eraseOwn'),
    member('GET', '/me/export', 'exportOwn'),
    member('PUT', '/profile', 'updateProfile'),
    member('PUT', '/profile/cv', 'storeCv'),
    member('DELETE', '/profile/cv', 'removeCv'),
    member('GET', '/profile/cv', 'ownCv'),
    member('GET', '/candidates/:id/cv', 'candidateCv'),
    member('GET', '/candidates', 'candidates'),
    member('GET', '/candidates/:id', 'candidate'),
    member('POST', '/candidates/:id/positionings', 'position'),
    member('GET', '/positionings', 'positionings'),
    member('POST', '/positionings/:id/answer', 'answer'),
  ],
};
