import type { Core } from '@strapi/strapi';
import { getService } from './utils/get-service';
import { serveSites } from './build/serve';
import type { SiteConfig } from './config';
import { PLUGIN_ID } from '../../shared/permissions';

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  getService(strapi, 'builds').watchPublications();
  const config = strapi.config.get(`plugin::${PLUGIN_ID}`) as SiteConfig;
  if (config.serve) strapi.server.use(serveSites(config.sitesDir));
};

export default register;
