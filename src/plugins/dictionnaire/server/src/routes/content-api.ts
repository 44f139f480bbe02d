import { publicFormRoute } from '@csc/plugin-core/toolkit';
import { contributorForm, wordRequestForm } from '../schemas';
import { wordKey } from '../../../shared/normalise';

/** « Ce mot manque », also served as a page without JavaScript (`pages/request-page.ts`), same limits. */
export const wordRequestRoute = publicFormRoute({
  path: '/requests',
  handler: 'forms.request',
  schema: wordRequestForm,
  limits: {
    perAddress: { max: 10, windowSeconds: 3600 },
    perTarget: {
      key: (data: { word: string; email?: string }) => data.email ?? `mot:${wordKey(data.word)}`,
      max: 5,
      windowSeconds: 86400,
    },
  },
});

/** Public, read-only: what the static site build and its search read. */
const read = (path: string, handler: string) => ({
  method: 'GET' as const,
  path,
  handler: `read.${handler}`,
  config: { auth: false as const },
});

/**
 * Public routes under /api/dictionnaire/. The contributor routes need a Users & Permissions
 * account whose role holds their actions (« Contributeur du dictionnaire », created when the
 * first structure is validated); the service checks the account's structure is validated.
 */
export default {
  type: 'content-api' as const,
  routes: [
    read('/words', 'list'),
    read('/words/latest', 'latest'),
    read('/words/index', 'index'),
    read('/words/details', 'details'),
    read('/words/:slug', 'word'),
    read('/search', 'search'),
    read('/contributors', 'contributors'),
    wordRequestRoute,
    publicFormRoute({
      path: '/contributors',
      handler: 'forms.contributor',
      schema: contributorForm,
      limits: {
        perAddress: { max: 5, windowSeconds: 3600 },
        perTarget: { key: (data: { email: string }) => data.email, max: 3, windowSeconds: 86400 },
      },
    }),
    { method: 'GET' as const, path: '/contributor/me', handler: 'contributor.me' },
    { method: 'GET' as const, path: '/contributor/requests', handler: 'contributor.requests' },
    { method: 'POST' as const, path: '/contributor/requests/:id/claim', handler: 'contributor.claim' },
    { method: 'GET' as const, path: '/contributor/definitions', handler: 'contributor.definitions' },
    { method: 'POST' as const, path: '/contributor/definitions', handler: 'contributor.submit' },
    { method: 'PUT' as const, path: '/contributor/digest', handler: 'contributor.digest' },
  ],
};
