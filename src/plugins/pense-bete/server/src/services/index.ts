import clock from './clock';
import people from './people';
import preview from './preview';
import sending from './sending';
import stepTypes from './step-types';
import steps from './steps';
import summary from './summary';

export default { clock, people, preview, sending, stepTypes, steps, summary };
