import { describeSmsError } from '@csc/plugin-core/toolkit';
import type {
  Channel,
  OffsetInput,
  ReminderStatus,
  ReminderView,
  StepView,
} from '../../../shared/contracts/pense-bete';

export interface ReminderRecord {
  id: number;
  documentId: string;
  key: string;
  slot: string;
  occurrence: string | Date;
  daysBefore: number;
  offsetTime: string;
  sendAt: string | Date;
  notAfter: string | Date;
  channel: Channel;
  status: ReminderStatus;
  errorKind: 'transient' | 'permanent' | null;
  errorCode: string | null;
  attempts: number;
  recipient: string | null;
  message: string | null;
  smsReceiptId: number | null;
  sentAt: string | Date | null;
  finishedAt: string | Date | null;
  step?: { id: number; documentId: string; title: string } | null;
}

export interface StepRecord {
  id: number;
  documentId: string;
  title: string;
  date: string;
  time: string | null;
  recurrence: string | null;
  offsets: OffsetInput[];
  template: string;
  status: 'active' | 'ended';
  revision: number;
  plannedUntil: string | Date | null;
  stepType?: { id: number; documentId: string; name: string } | null;
  person?: {
    id: number;
    documentId: string;
    firstName: string;
    channel: Channel;
    phone: string | null;
    email: string | null;
  } | null;
  centre?: { id: number } | null;
}

/** The receipt's news (delivered, undelivered, STOP) as the reminder's own status. */
export interface ReceiptNews {
  status: string;
  errorCode: string | null;
}

const REMINDER_ERRORS: Record<string, string> = {
  'too-late': 'Trop tard : le rappel n’est pas parti, la date était passée.',
  'no-consent': 'Pas de consentement pour ce canal : rien n’a été envoyé.',
  'no-phone': 'Pas de numéro de mobile : rien n’a été envoyé.',
  'no-email': 'Pas d’adresse e-mail : rien n’a été envoyé.',
  'invalid-number': 'Ce numéro ne peut pas recevoir de SMS.',
  'message-too-long': 'Le message est trop long pour un SMS.',
  mail: 'Le serveur d’e-mails n’a pas pris le message ; un nouvel essai suivra.',
  interrupted: 'L’envoi a été interrompu ; il n’est pas refait, pour ne jamais envoyer deux fois.',
};

export const describeReminderError = (code: string | null): string =>
  (code && REMINDER_ERRORS[code]) ?? describeSmsError(code) ?? 'L’envoi a échoué.';

const iso = (value: string | Date | null | undefined) => (value ? new Date(value).toISOString() : null);

export function reminderView(row: ReminderRecord, receipt?: ReceiptNews): ReminderView {
  let status = row.status;
  let errorKind = row.errorKind;
  let errorCode = row.errorCode;
  if (status === 'sent' && receipt) {
    if (receipt.status === 'delivered') status = 'delivered';
    if (['undelivered', 'blacklisted', 'invalid'].includes(receipt.status)) {
      status = 'failed';
      errorKind = 'permanent';
      errorCode = receipt.status === 'undelivered' ? 'undelivered' : (receipt.errorCode ?? receipt.status);
    }
  }
  return {
    id: row.id,
    step: row.step ? { id: row.step.documentId, title: row.step.title } : null,
    occurrence: iso(row.occurrence) as string,
    offset: row.daysBefore === 0 ? `Le jour même à ${row.offsetTime}` : `J-${row.daysBefore} à ${row.offsetTime}`,
    sendAt: iso(row.sendAt) as string,
    channel: row.channel,
    status,
    error:
      errorKind && (status === 'failed' || status === 'dropped' || status === 'cancelled' || status === 'planned')
        ? { kind: errorKind, code: errorCode, message: describeReminderError(errorCode) }
        : null,
    sentAt: iso(row.sentAt),
  };
}

export function stepView(row: StepRecord, reminders: ReminderView[]): StepView {
  return {
    id: row.documentId,
    title: row.title,
    stepType: row.stepType ? { id: row.stepType.documentId, name: row.stepType.name } : null,
    date: row.date,
    time: row.time ?? null,
    recurrence: row.recurrence ?? null,
    offsets: row.offsets,
    template: row.template,
    status: row.status,
    revision: row.revision,
    reminders,
  };
}
