/** No public route: residents never reach this module; staff work through the admin API. */
export default {
  type: 'content-api' as const,
  routes: [],
};
