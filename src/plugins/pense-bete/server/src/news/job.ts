import { jobType } from '@csc/plugin-core/toolkit';

/** One outbox job per recipient of a group news, keyed by the delivery's key: never twice. */
export const NEWS_JOB = jobType<{ deliveryId: number }>('pense-bete.news');

/** A news that could not leave within three days is no longer news. */
export const NEWS_VALID_HOURS = 72;

/** Retries (outside the hours, provider down) follow the outbox's back-off until the job expires. */
export const NEWS_MAX_ATTEMPTS = 100;

/** How long a preview's confirmation may be used to send. */
export const CONFIRMATION_MINUTES = 30;
