import blacklist from './blacklist';
import clock from './clock';
import demo from './demo';
import people from './people';
import preview from './preview';
import sending from './sending';
import stepTypes from './step-types';
import steps from './steps';
import summary from './summary';
import unsubscribe from './unsubscribe';

export default { blacklist, clock, demo, people, preview, sending, stepTypes, steps, summary, unsubscribe };
