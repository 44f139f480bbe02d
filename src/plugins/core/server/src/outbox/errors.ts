/**
 * Thrown by a handler when trying again cannot help (the reminder was deleted, the number is not
 * a mobile): the job goes straight to dead. Recognised by its `permanent` flag rather than by
 * `instanceof`, so a copy of the class from another bundle works too.
 */
export class PermanentJobError extends Error {
  readonly permanent = true;
  constructor(message: string) {
    super(message);
    this.name = 'PermanentJobError';
  }
}

export function isPermanent(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { permanent?: unknown }).permanent === true;
}

/**
 * Thrown by a handler that knows when trying again makes sense (a message another instance may
 * still be sending is settled once its claim runs out): the job comes back then, not after the
 * usual back-off. Recognised by its `retryAt` field, like `permanent` above.
 */
export class RetryLaterError extends Error {
  constructor(
    message: string,
    readonly retryAt: Date,
  ) {
    super(message);
    this.name = 'RetryLaterError';
  }
}

/** When the handler asked to be run again, if it did. */
export function requestedRetryAt(error: unknown): number | null {
  if (typeof error !== 'object' || error === null) return null;
  const value = (error as { retryAt?: unknown }).retryAt;
  const time = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : NaN;
  return Number.isFinite(time) ? time : null;
}

const MAX_ERROR_LENGTH = 1000;
const EMAIL = /[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[^\s@<>()"',;:]+/g;
// Phone numbers and other long digit runs (identifiers stay short): +33 6 12 34 56 78, 0612345678…
const LONG_NUMBER = /\+?\d(?:[\s.()-]{0,2}\d){7,}/g;

/**
 * What is kept of a failure: its message with e-mail addresses and phone numbers masked, cut to
 * a reasonable length. Stored with the job and shown to staff; never the stack or the payload.
 */
export function describeFailure(error: unknown): string {
  const named = error instanceof Error && error.name && error.name !== 'Error' && !isPermanent(error);
  const raw =
    error instanceof Error
      ? `${named ? `${error.name}: ` : ''}${error.message}`
      : typeof error === 'string'
        ? error
        : 'Erreur inconnue';
  const masked = raw.replace(EMAIL, '[adresse masquée]').replace(LONG_NUMBER, '[numéro masqué]').trim();
  const text = masked || 'Erreur sans message';
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
}
