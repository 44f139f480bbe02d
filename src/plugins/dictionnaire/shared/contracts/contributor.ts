/** Routes of the accompanying adults (Users & Permissions JWT, role « Contributeur du dictionnaire »). */

export type RequestStatus = 'open' | 'claimed' | 'defined';
export type DigestFrequency = 'daily' | 'weekly' | 'none';

/** `GET /api/dictionnaire/contributor/me` */
export interface ContributorMe {
  structures: { id: string; name: string; commune: string; status: string; digest: DigestFrequency }[];
}

/** `GET /api/dictionnaire/contributor/requests` */
export interface OpenRequest {
  id: string;
  word: string;
  count: number;
  contexts: string[];
  status: RequestStatus;
  /** Whether one of the account's structures claimed it. */
  mine: boolean;
  createdAt: string;
}

/** `POST /api/dictionnaire/contributor/definitions` */
export interface DefinitionSubmission {
  /** A claimed request (its word is defined), or `term` for a word nobody asked for yet. */
  request?: string;
  term?: string;
  text: string;
  example: string;
  group: { label: string; commune: string; year: number };
  /** The structure credited, when the account belongs to several. */
  structure?: string;
}

/** `GET /api/dictionnaire/contributor/definitions`: each with where it stands in moderation. */
export interface OwnDefinition {
  id: string;
  term: string;
  group: string;
  published: boolean;
  moderation: { status: string; message: string | null; at: string } | null;
}

/** `PUT /api/dictionnaire/contributor/digest` */
export interface DigestChoice {
  digest: DigestFrequency;
  structure?: string;
}
