import type { Core } from '@strapi/strapi';
import { getService } from './utils/get-service';
import { serveSites } from './publishing/serve';
import type { SiteConfig } from './config';
import { PLUGIN_ID } from '../../shared/permissions';

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = strapi.config.get(`plugin::${PLUGIN_ID}`) as SiteConfig;
  if (config.autoRebuild) getService(strapi, 'builds').watchPublications();
  if (config.serve) strapi.server.use(serveSites(config.sitesDir));
};

export default register;
