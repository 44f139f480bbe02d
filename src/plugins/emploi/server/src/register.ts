import type { Core } from '@strapi/strapi';
import { validateOnWrite } from './offers/on-write';

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  validateOnWrite(strapi);
};

export default register;
