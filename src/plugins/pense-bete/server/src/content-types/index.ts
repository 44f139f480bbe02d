import person from './person';
import stepType from './step-type';
import step from './step';
import reminder from './reminder';

/**
 * Content types of this plugin, keyed by their `info.singularName`. All belong to a centre
 * (core adds the relation) and are managed through the plugin's own admin API, which records
 * consent and plans reminders: the content manager would bypass both.
 */
export default { person, 'step-type': stepType, step, reminder };
