import health from './health';
import demo from './demo';
import overview from './overview';
import scope from '../centres/scope';
import staffRole from '../centres/staff-role';
import audit from '../audit/service';
import gdpr from '../gdpr/service';
import consent from '../gdpr/consent-service';
import rateLimit from '../public-forms/rate-limit';
import publicForms from '../public-forms/registry';
import publicPages from '../public-pages/server';
import geocoding from '../geocoding/service';
import centreCoordinates from '../geocoding/centre-coordinates';
import mail from '../mail/service';
import moderation from '../moderation/service';
import sms from '../sms/service';
import outbox from '../outbox/service';
import retention from '../retention/service';
import directory from '../directory/service';
import directoryImport from '../directory/import/service';
import directoryExport from '../directory/export/service';
import directoryContributions from '../directory/contributions/service';
import secrets from '../secrets/service';

export default {
  health,
  demo,
  overview,
  scope,
  staffRole,
  audit,
  gdpr,
  consent,
  rateLimit,
  publicForms,
  publicPages,
  geocoding,
  centreCoordinates,
  mail,
  moderation,
  sms,
  outbox,
  retention,
  directory,
  directoryImport,
  directoryExport,
  directoryContributions,
  secrets,
};
