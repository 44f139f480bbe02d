/**
 * Public routes live under /api/dictionnaire/. Each action is off for the Public and
 * Authenticated roles until bootstrap grants it, in code, with a test.
 */
export default {
  type: 'content-api' as const,
  routes: [],
};
