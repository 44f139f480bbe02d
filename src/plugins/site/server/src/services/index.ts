import summary from './summary';
import demo from './demo';
import publicContent from '../public/service';

export default { summary, demo, publicContent };
