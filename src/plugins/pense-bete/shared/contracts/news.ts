import type { Channel } from './pense-bete';

/** `GET /pense-bete/groups` row and `GET /pense-bete/groups/:id`. */
export interface GroupView {
  id: string;
  name: string;
  description: string | null;
  centre: { id: number; name: string } | null;
  /** Members whose consent for this group holds. */
  members: number;
}

export interface GroupMemberView {
  person: { id: string; firstName: string; channel: Channel; phone: string | null };
  consent: boolean;
  addedAt: string;
}

export interface GroupDetail extends GroupView {
  memberList: GroupMemberView[];
}

export interface NewsRecipient {
  id: string;
  firstName: string;
  channel: Channel;
  /** Masked number or the e-mail address. */
  to: string;
  /** SMS parts of this person's message (0 for an e-mail). */
  parts: number;
}

export interface NewsExcluded {
  id: string;
  firstName: string;
  reason: 'no-consent' | 'blacklisted' | 'no-contact';
  /** In French, for the list under the preview. */
  message: string;
}

/** `POST /pense-bete/groups/:id/news/preview`: exactly who will receive what, and the cost. */
export interface NewsPreview {
  group: { id: string; name: string };
  /** The message as the first recipient reads it (or with an example first name). */
  text: string;
  encoding: 'GSM-7' | 'UCS-2';
  recipients: NewsRecipient[];
  count: number;
  excluded: NewsExcluded[];
  sms: { messages: number; parts: number; credits: number };
  caps: {
    perNews: number;
    monthly: { limit: number; used: number; after: number };
  };
  /** Why sending is refused (caps, nobody to send to), in French; null when it may be sent. */
  refusal: string | null;
  /** To send, give it back with `recipients` = `count`; null when refused. Valid 30 minutes. */
  confirmation: string | null;
}

/** `POST /pense-bete/groups/:id/news`. */
export interface NewsSent {
  id: string;
  recipients: number;
  sms: { parts: number; credits: number };
  /** True when this confirmation had already been used: nothing was sent again. */
  alreadySent: boolean;
}

export interface NewsRow {
  id: string;
  template: string;
  recipients: number;
  credits: number;
  createdAt: string;
  deliveries: Record<'planned' | 'sending' | 'sent' | 'failed' | 'cancelled' | 'dropped', number>;
}

/** `GET /pense-bete/budget`. */
export interface BudgetView {
  provider: 'console' | 'ovh';
  /** Read from OVH now; null with the console provider or when OVH did not answer. */
  creditsLeft: number | null;
  threshold: number;
  low: boolean;
  /** In French, when the credits left are below the threshold (or unknown at OVH). */
  warning: string | null;
  month: { from: string };
  centres: {
    id: number;
    name: string;
    /** All SMS of the centre this month (reminders and news), from core's receipts. */
    messages: number;
    credits: number;
    news: { used: number; limit: number };
    /** The centre's own OVH account, when one is set: its balance, read now, and what is wrong. */
    ownAccount: { serviceName: string; creditsLeft: number | null; warning: string | null } | null;
  }[];
}

/** `GET|PUT /pense-bete/centres/:centre/settings`: secrets are never returned. */
export interface CentreSettingsView {
  centre: { id: number; name: string };
  senderName: string | null;
  ovh: { configured: boolean; serviceName: string | null };
}
