import offer from './offer';
import employer from './employer';
import candidate from './candidate';
import positioning from './positioning';
import cv from './cv';

/**
 * Content types of this plugin, keyed by their `info.singularName`; all but the CV (reached through
 * its candidate) belong to a centre (core adds the relation).
 */
export default { offer, employer, candidate, positioning, cv };
