import word from './word';
import definition from './definition';
import contributorStructure from './contributor-structure';
import request from './request';
import requester from './requester';

/**
 * Content types of this plugin, keyed by their `info.singularName`. The dictionary is shared by
 * the whole install (not one centre's). No type has a field for a child: definitions are
 * credited to a group and to the accompanying adult's structure.
 */
export default {
  word,
  definition,
  'contributor-structure': contributorStructure,
  request,
  requester,
};
