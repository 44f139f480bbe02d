export type ConsentMethod = 'oral' | 'paper' | 'online-form' | 'email';

/** `POST /core/gdpr/search|export|erase` (admin): how staff designate a person. */
export interface PersonQuery {
  email?: string;
  phone?: string;
}

export interface EraseRequest extends PersonQuery {
  /** The word "EFFACER", typed by the staff member to confirm. */
  confirmation: string;
}

export interface PersonDataSummary {
  types: { uid: string; label: string; count: number }[];
  total: number;
}

export interface EraseResult {
  types: { uid: string; label: string; erased: number; anonymised: number }[];
}
