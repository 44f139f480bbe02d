import centre from './centre';
import auditEntry from '../audit/content-types/audit-entry';
import consent from '../gdpr/content-types/consent';
import geocodingCache from '../geocoding/content-types/geocoding-cache';
import geocodingOverride from '../geocoding/content-types/geocoding-override';
import capturedEmail from '../mail/content-types/captured-email';
import moderationItem from '../moderation/content-types/moderation-item';
import report from '../moderation/content-types/report';
import smsAccount from '../sms/content-types/sms-account';
import smsReceipt from '../sms/content-types/sms-receipt';
import { directoryContentTypes } from '../directory/content-types';

export default {
  centre,
  'audit-entry': auditEntry,
  consent,
  'geocoding-cache': geocodingCache,
  'geocoding-override': geocodingOverride,
  'captured-email': capturedEmail,
  'moderation-item': moderationItem,
  report,
  'sms-account': smsAccount,
  'sms-receipt': smsReceipt,
  ...directoryContentTypes,
};
