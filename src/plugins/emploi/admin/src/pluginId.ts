export { PLUGIN_ID } from '../../shared/permissions';
