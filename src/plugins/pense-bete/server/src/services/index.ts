import blacklist from './blacklist';
import clock from './clock';
import demo from './demo';
import people from './people';
import preview from './preview';
import sending from './sending';
import stepTypes from './step-types';
import steps from './steps';
import summary from './summary';
import groups from './groups';
import news from './news';
import budget from './budget';
import centreSettings from './centre-settings';
import unsubscribe from './unsubscribe';

export default {
  blacklist,
  clock,
  demo,
  people,
  preview,
  sending,
  stepTypes,
  steps,
  summary,
  groups,
  news,
  budget,
  centreSettings,
  unsubscribe,
};
