import type { Core } from '@strapi/strapi';
import { addCentreRelations, requireCentreOnCreate } from './centres/centre-scoped-types';
import { validateCentresOnWrite } from './centres/validate-on-write';
import { recordWrites } from './audit/record-writes';
import { fillCentreCoordinates } from './geocoding/centre-coordinates';
import { keepReportQueryOutOfLogs } from './sms/report-query';
import { validateDirectoryOnWrite } from './directory/validation';
import { keepDirectoryEntriesInOwnCentres } from './directory/own-centre';
import { clearAddressCheckOnManualPosition } from './directory/import/address-check';
import { directoryPages } from './directory/contributions/pages';
import { getService } from './utils/get-service';
import { hideTokensInLogs } from './logs/redact-tokens';

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  addCentreRelations(strapi);
  requireCentreOnCreate(strapi);
  validateCentresOnWrite(strapi);
  validateDirectoryOnWrite(strapi);
  keepDirectoryEntriesInOwnCentres(strapi);
  clearAddressCheckOnManualPosition(strapi);
  fillCentreCoordinates(strapi);
  recordWrites(strapi);
  keepReportQueryOutOfLogs(strapi);
  hideTokensInLogs('/core/directory/corrections/');
  // Ahead of Strapi's own middlewares: the pages read their own body and answer in HTML.
  const pages = getService(strapi, 'publicPages');
  pages.add(directoryPages(strapi));
  strapi.server.use(pages.middleware());
};

export default register;
