import type { Core } from '@strapi/strapi';
import { addRequestPages } from './pages/request-page';
import { watchWrites } from './publication/on-write';

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  watchWrites(strapi);
  addRequestPages(strapi);
};

export default register;
