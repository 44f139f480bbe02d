import demo from './demo';
import publicContent from '../public/service';
import builds from '../build/service';

export default { demo, publicContent, builds };
