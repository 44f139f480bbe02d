import health from './health';
import demo from './demo';
import overview from './overview';

export default {
  health,
  demo,
  overview,
};
