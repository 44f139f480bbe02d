import centre from './centre';
import auditEntry from '../audit/content-types/audit-entry';
import consent from '../gdpr/content-types/consent';
import smsReceipt from '../sms/content-types/sms-receipt';

export default {
  centre,
  'audit-entry': auditEntry,
  consent,
  'sms-receipt': smsReceipt,
};
