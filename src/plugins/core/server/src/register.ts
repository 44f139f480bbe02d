import type { Core } from '@strapi/strapi';
import { validateCentresOnWrite } from './centres/validate-on-write';

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  validateCentresOnWrite(strapi);
};

export default register;
