import health from './health';
import overview from './overview';
import audit from '../audit/controller';
import gdpr from '../gdpr/controller';
import outbox from '../outbox/controller';

export default {
  health,
  overview,
  audit,
  gdpr,
  outbox,
};
