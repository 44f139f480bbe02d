import type { Core } from '@strapi/strapi';
import { getService } from './utils/get-service';

const destroy = async ({ strapi }: { strapi: Core.Strapi }) => {
  // Before Strapi closes the database: the worker gives back what it has not started.
  await getService(strapi, 'outbox').stop();
};

export default destroy;
