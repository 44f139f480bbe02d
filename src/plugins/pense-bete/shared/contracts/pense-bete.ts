/** Request and response shapes of the admin API (`/pense-bete/...`), shared with the admin UI. */

export type Channel = 'sms' | 'email';
export type ConsentMethod = 'oral' | 'paper' | 'online-form' | 'email';
export type ReminderStatus = 'planned' | 'sending' | 'sent' | 'delivered' | 'failed' | 'cancelled' | 'dropped';

export interface OffsetInput {
  daysBefore: number;
  /** `HH:MM`, Paris time. */
  time: string;
}

export interface ConsentInput {
  method: ConsentMethod;
  /** The information text shown to the person when they agreed. */
  informationText: string;
}

/** `POST /pense-bete/persons` */
export interface PersonCreateRequest {
  firstName: string;
  phone?: string;
  email?: string;
  channel: Channel;
  consent: ConsentInput;
  /** Required only for staff of several centres. */
  centre?: number;
}

/** `PUT /pense-bete/persons/:id`; a new channel without consent needs `consent`. */
export interface PersonUpdateRequest {
  firstName?: string;
  phone?: string | null;
  email?: string | null;
  channel?: Channel;
  consent?: ConsentInput;
}

export interface PersonView {
  id: string;
  firstName: string;
  /** Masked in lists (`+33 6 •• •• •• 78`), whole in the detail. */
  phone: string | null;
  email: string | null;
  channel: Channel;
  centre: { id: number; name: string } | null;
  consents: { sms: boolean; email: boolean };
  createdAt: string;
  /** In lists: when the next planned reminder goes out, if any. */
  nextReminder?: string | null;
}

export interface PersonPage {
  results: PersonView[];
  pagination: { page: number; pageSize: number; total: number; pageCount: number };
}

/** `POST /pense-bete/persons/:id/steps`, `PUT /pense-bete/steps/:id` */
export interface StepRequest {
  /** A catalogue type (its defaults fill what is not given), or none with a `title`. */
  stepType?: string;
  title?: string;
  /** `YYYY-MM-DD` */
  date: string;
  /** `HH:MM`, for an appointment. */
  time?: string | null;
  /** RRULE; it must end, by UNTIL or COUNT or by `until`. */
  recurrence?: string | null;
  /** `YYYY-MM-DD`: the last day of a repetition whose rule has no end. */
  until?: string | null;
  offsets?: OffsetInput[];
  template?: string;
}

export interface StepView {
  id: string;
  title: string;
  stepType: { id: string; name: string } | null;
  date: string;
  time: string | null;
  recurrence: string | null;
  offsets: OffsetInput[];
  template: string;
  status: 'active' | 'ended';
  revision: number;
  reminders: ReminderView[];
}

export interface ReminderView {
  id: number;
  step: { id: string; title: string } | null;
  occurrence: string;
  offset: string;
  sendAt: string;
  channel: Channel;
  status: ReminderStatus;
  /** `transient` (retried) or `permanent` (not retried), with a French explanation. */
  error: { kind: 'transient' | 'permanent'; code: string | null; message: string } | null;
  sentAt: string | null;
}

export interface StepTypeView {
  id: string;
  code: string | null;
  name: string;
  defaultOffsets: OffsetInput[];
  template: string;
  defaultRecurrence: string | null;
  hasTime: boolean;
}

/** `POST /pense-bete/persons/:id/withdraw-consent` */
export interface WithdrawRequest {
  /** Both channels when absent. */
  channel?: Channel;
  method: ConsentMethod | 'sms-stop';
}

/** `GET /pense-bete/follow-up`: people whose last message failed or whose number is on the STOP list. */
export interface FollowUpRow {
  person: { id: string; firstName: string; phone: string | null };
  reason: 'failed' | 'blacklisted';
  message: string;
  at: string | null;
}

/** `POST /pense-bete/preview` */
export interface PreviewRequest {
  template: string;
  person?: string;
  title?: string;
  date?: string;
  time?: string | null;
}

export interface PreviewResponse {
  text: string;
  encoding: 'GSM-7' | 'UCS-2';
  characters: number;
  parts: number;
  credits: number;
  /** The text with the characters that force UCS-2 replaced, when that saves parts. */
  suggestion: { template: string; text: string; parts: number } | null;
}
