import health from './health';
import overview from './overview';
import audit from '../audit/controller';

export default {
  health,
  overview,
  audit,
};
