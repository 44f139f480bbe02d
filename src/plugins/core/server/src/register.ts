import type { Core } from '@strapi/strapi';
import { addCentreRelations, requireCentreOnCreate } from './centres/centre-scoped-types';
import { validateCentresOnWrite } from './centres/validate-on-write';
import { recordWrites } from './audit/record-writes';
import { fillCentreCoordinates } from './geocoding/centre-coordinates';

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  addCentreRelations(strapi);
  requireCentreOnCreate(strapi);
  validateCentresOnWrite(strapi);
  fillCentreCoordinates(strapi);
  recordWrites(strapi);
};

export default register;
