import person from './person';
import stepType from './step-type';
import step from './step';
import reminder from './reminder';
import group from './group';
import groupMember from './group-member';
import news from './news';
import newsDelivery from './news-delivery';

/**
 * Content types of this plugin, keyed by their `info.singularName`. All belong to a centre
 * (core adds the relation) and are managed through the plugin's own admin API, which records
 * consent and plans reminders: the content manager would bypass both.
 */
export default {
  person,
  'step-type': stepType,
  step,
  reminder,
  group,
  'group-member': groupMember,
  news,
  'news-delivery': newsDelivery,
};
