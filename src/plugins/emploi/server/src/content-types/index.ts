import offer from './offer';
import employer from './employer';
import candidate from './candidate';
import positioning from './positioning';

/**
 * Content types of this plugin, keyed by their `info.singularName`; all belong to a centre
 * (core adds the relation).
 */
export default { offer, employer, candidate, positioning };
