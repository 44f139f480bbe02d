import centre from './centre';
import auditEntry from '../audit/content-types/audit-entry';
import consent from '../gdpr/content-types/consent';

export default {
  centre,
  'audit-entry': auditEntry,
  consent,
};
