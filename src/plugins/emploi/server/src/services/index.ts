import actors from './actors';
import clock from './clock';
import demo from './demo';
import employers from './employers';
import expiry from './expiry';
import groupMessages from './group-messages';
import members from './members';
import messages from './messages';
import offers from './offers';
import passwords from './passwords';
import profileExpiry from './profile-expiry';
import referents from './referents';
import staffCandidates from './staff-candidates';
import submissions from './submissions';
import summary from './summary';

export default {
  actors,
  clock,
  demo,
  employers,
  expiry,
  groupMessages,
  members,
  messages,
  offers,
  passwords,
  profileExpiry,
  referents,
  staffCandidates,
  submissions,
  summary,
};
