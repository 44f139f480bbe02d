import { describePluginBasics } from '../../../../tests/harness/plugin-basics';
import { ACTIONS, PLUGIN_ID } from '../shared/permissions';

describePluginBasics({ pluginId: PLUGIN_ID, actions: ACTIONS, adminRoute: '/summary' });
