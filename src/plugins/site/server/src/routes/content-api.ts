/** Public, read-only: what the static site build reads. Only published entries are answered. */
const publicRoute = (path: string, handler: string) => ({
  method: 'GET' as const,
  path,
  handler,
  config: { auth: false as const },
});

export default {
  type: 'content-api' as const,
  routes: [
    publicRoute('/:centre', 'publicContent.site'),
    publicRoute('/:centre/activities', 'publicContent.activities'),
    publicRoute('/:centre/news', 'publicContent.news'),
  ],
};
