import publicContent from '../public/controller';
import builds from '../build/controller';

export default { publicContent, builds };
