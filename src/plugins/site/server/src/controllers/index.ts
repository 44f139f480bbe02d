import summary from './summary';
import publicContent from '../public/controller';

export default { summary, publicContent };
