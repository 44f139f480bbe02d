import centre from './centre';
import auditEntry from '../audit/content-types/audit-entry';

export default {
  centre,
  'audit-entry': auditEntry,
};
