import centre from './centre';
import auditEntry from '../audit/content-types/audit-entry';
import consent from '../gdpr/content-types/consent';
import capturedEmail from '../mail/content-types/captured-email';

export default {
  centre,
  'audit-entry': auditEntry,
  consent,
  'captured-email': capturedEmail,
};
