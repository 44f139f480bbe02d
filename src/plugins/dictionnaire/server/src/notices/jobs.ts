import { jobType } from '@csc/plugin-core/toolkit';

/** Tells one requester that their word is defined, then forgets their address. */
export const REQUESTER_NOTICE = jobType<{ requester: number; slug: string }>('dictionnaire.requester-notice');
/** Each morning: which structures get their digest today. */
export const DIGEST_PLAN = jobType<Record<string, never>>('dictionnaire.digest');
/** One structure's digest of open requests for one Paris day. */
export const DIGEST_MAIL = jobType<{ structure: number; day: string }>('dictionnaire.digest-mail');
/** The e-mail telling an accompanying adult their structure is validated. */
export const STRUCTURE_WELCOME = jobType<{ structure: number }>('dictionnaire.structure-welcome');
