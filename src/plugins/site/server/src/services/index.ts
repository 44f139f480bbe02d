import summary from './summary';
import publicContent from '../public/service';

export default { summary, publicContent };
