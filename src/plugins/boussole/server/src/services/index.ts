import compasses from './compasses';
import contributions from './contributions';
import demo from './demo';
import partners from './partners';
import view from './view';

export default { compasses, contributions, demo, partners, view };
