import health from './health';
import overview from './overview';
import audit from '../audit/controller';
import gdpr from '../gdpr/controller';
import sms from '../sms/controller';

export default {
  health,
  overview,
  audit,
  gdpr,
  sms,
};
