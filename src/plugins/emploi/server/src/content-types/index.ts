import offer from './offer';
import employer from './employer';

/**
 * Content types of this plugin, keyed by their `info.singularName`; both belong to a centre
 * (core adds the relation).
 */
export default { offer, employer };
