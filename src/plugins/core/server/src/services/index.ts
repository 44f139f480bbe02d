import health from './health';
import demo from './demo';
import overview from './overview';
import scope from '../centres/scope';
import staffRole from '../centres/staff-role';
import audit from '../audit/service';
import gdpr from '../gdpr/service';
import consent from '../gdpr/consent-service';
import outbox from '../outbox/service';
import retention from '../retention/service';

export default {
  health,
  demo,
  overview,
  scope,
  staffRole,
  audit,
  gdpr,
  consent,
  outbox,
  retention,
};
