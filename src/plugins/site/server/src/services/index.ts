import demo from './demo';
import publicContent from '../public/service';
import builds from '../publishing/service';

export default { demo, publicContent, builds };
