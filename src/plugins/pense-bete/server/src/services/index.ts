import clock from './clock';
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

export default {
  clock,
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
};
