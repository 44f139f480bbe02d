/**
 * Public routes live under /api/boussole/. Reads are open (`auth: false`, published entries
 * only); partners' routes need a Users & Permissions account whose role holds their action (the
 * « Partenaire » role gets them through core, see bootstrap).
 */
const read = (path: string, handler: string) => ({
  method: 'GET' as const,
  path,
  handler: `public.${handler}`,
  config: { auth: false as const },
});

export default {
  type: 'content-api' as const,
  routes: [
    read('/compasses', 'list'),
    read('/compasses/:slug', 'settings'),
    read('/compasses/:slug/structures', 'structures'),
    read('/compasses/:slug/structures/:id', 'structure'),
    read('/compasses/:slug/services', 'services'),
    read('/compasses/:slug/events', 'events'),
    read('/compasses/:slug/resources', 'resources'),
    read('/compasses/:slug/resources/:id', 'resource'),
    read('/compasses/:slug/glossary', 'glossary'),
    read('/compasses/:slug/glossary/:id', 'glossaryTerm'),
    { method: 'GET' as const, path: '/partner/resources', handler: 'partner.listResources' },
    { method: 'POST' as const, path: '/partner/resources', handler: 'partner.createResources' },
    { method: 'GET' as const, path: '/partner/glossary-terms', handler: 'partner.listGlossaryTerms' },
    { method: 'POST' as const, path: '/partner/glossary-terms', handler: 'partner.createGlossaryTerms' },
  ],
};
