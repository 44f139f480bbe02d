import publicContent from '../public/controller';
import builds from '../publishing/controller';

export default { publicContent, builds };
