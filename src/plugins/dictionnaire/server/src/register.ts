import type { Core } from '@strapi/strapi';
import { watchWrites } from './publication/on-write';

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  watchWrites(strapi);
};

export default register;
