import offer from './offer';
import employer from './employer';
import candidate from './candidate';
import positioning from './positioning';
import cv from './cv';
import message from './message';
import session from './session';
import groupMessage from './group-message';
import delivery from './delivery';
import passwordLink from './password-link';
import referentCentre from './referent-centre';

/**
 * Content types of this plugin, keyed by their `info.singularName`; all but the CV and the messages
 * (reached through their candidate), the group messages and their deliveries, and the members'
 * sessions, password links and referents' centres (a referent may serve several) belong to a centre (core adds the
 * relation).
 */
export default {
  offer,
  employer,
  candidate,
  positioning,
  cv,
  message,
  session,
  'group-message': groupMessage,
  delivery,
  'password-link': passwordLink,
  'referent-centre': referentCentre,
};
