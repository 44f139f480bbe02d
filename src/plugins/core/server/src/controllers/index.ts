import health from './health';
import overview from './overview';
import audit from '../audit/controller';
import gdpr from '../gdpr/controller';
import geocoding from '../geocoding/controller';
import mail from '../mail/controller';
import moderation from '../moderation/controller';
import report from '../moderation/report-controller';
import sms from '../sms/controller';
import outbox from '../outbox/controller';
import directory from '../directory/controller';
import directoryImport from '../directory/import/controller';
import directoryExport from '../directory/export/controller';
import {
  createCorrectionController as correction,
  createPartnerController as partner,
  createSuggestionController as suggestion,
} from '../directory/contributions/controllers';

export default {
  health,
  overview,
  audit,
  gdpr,
  geocoding,
  mail,
  moderation,
  report,
  sms,
  outbox,
  directory,
  directoryImport,
  directoryExport,
  partner,
  suggestion,
  correction,
};
