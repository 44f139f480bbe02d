import { jobType } from '@csc/plugin-core/toolkit';

/** Each morning: closes the offers past their last day, and plans the notices to posters. */
export const OFFER_EXPIRY = jobType<Record<string, never>>('emploi.expiry');
/** Tells an offer's poster, once, that it closes in a few days. */
export const EXPIRING_NOTICE = jobType<{ offer: string; validUntil: string }>('emploi.expiring-notice');
/** Tells an offer's poster, once, that it is closed. */
export const CLOSED_NOTICE = jobType<{ offer: string }>('emploi.closed-notice');
/** Each morning: reminds candidates whose profile is getting old, hides those reminded long ago. */
export const PROFILE_EXPIRY = jobType<Record<string, never>>('emploi.profile-expiry');
/** Reminds one candidate, once per stale profile, to look at it. */
export const PROFILE_REMINDER = jobType<{ candidate: string }>('emploi.profile-reminder');
/** Tells a member, without the message itself, that a message waits in the space. */
export const MESSAGE_NOTICE = jobType<{ message: string }>('emploi.message-notice');
/** Tells a candidate and her referent, without the employer's message, that an employer positioned itself. */
export const POSITIONING_NOTICE = jobType<{ positioning: string }>('emploi.positioning-notice');
/** Tells one recipient of a group message, without the message itself, that it waits in the space. */
export const GROUP_NOTICE = jobType<{ delivery: string }>('emploi.group-notice');
/** Sends a member a link to choose her password; the job mints the token, so no outbox row holds it. */
export const PASSWORD_LINK = jobType<{ link: string }>('emploi.password-link');
