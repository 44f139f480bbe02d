import compasses from './compasses';
import partner from './partner';
import publicController from './public';

export default { compasses, partner, public: publicController };
