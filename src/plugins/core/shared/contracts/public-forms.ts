/** What every public form answers when it accepted a submission (HTTP 202). */
export interface PublicFormAccepted {
  data: { received: true };
}

/**
 * A refused submission: Strapi's error shape. 400 lists one French message per field in
 * `details.errors` (`path` is the field, e.g. ["email"]); 413, 415 and 429 carry one French
 * message; 429 also has `details.retryAfter` (seconds, also in the Retry-After header).
 */
export interface PublicFormError {
  data: null;
  error: {
    status: 400 | 413 | 415 | 429;
    name: string;
    message: string;
    details: {
      errors?: { path: string[]; message: string; name: string }[];
      retryAfter?: number;
      limit?: 'address' | 'target';
    };
  };
}
