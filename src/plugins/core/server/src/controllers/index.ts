import health from './health';
import overview from './overview';

export default {
  health,
  overview,
};
