export default [
  'strapi::logger',
  // Signed links' tokens in addresses are replaced by [jeton] before the logger prints them.
  'plugin::core.redact-tokens',
  'global::json-errors',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::query',
  // Public forms (routes built with core's publicFormRoute) read their own body: size limit
  // before reading, strict UTF-8 JSON; every other request goes to strapi::body untouched.
  'plugin::core.public-form-body',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
