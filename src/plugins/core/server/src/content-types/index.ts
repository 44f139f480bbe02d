import centre from './centre';
import auditEntry from '../audit/content-types/audit-entry';
import consent from '../gdpr/content-types/consent';
import capturedEmail from '../mail/content-types/captured-email';
import moderationItem from '../moderation/content-types/moderation-item';
import report from '../moderation/content-types/report';

export default {
  centre,
  'audit-entry': auditEntry,
  consent,
  'captured-email': capturedEmail,
  'moderation-item': moderationItem,
  report,
};
