import type { Core } from '@strapi/strapi';
import { hideTokensInLogs } from '@csc/plugin-core/toolkit';

const register = (_context: { strapi: Core.Strapi }) => {
  // The unsubscribe link's token is a key to the person's e-mail consent.
  hideTokensInLogs('/pense-bete/unsubscribe/');
};

export default register;
