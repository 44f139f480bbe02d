/** Admin API (`/dictionnaire/…`), for the plugin's pages. */
import type { RequestStatus } from './contributor';

export interface AdminRequestRow {
  id: string;
  word: string;
  count: number;
  status: RequestStatus;
  claimedBy: string | null;
  contexts: string[];
  waiting: number;
  updatedAt: string;
}

export interface AdminStructureRow {
  id: string;
  name: string;
  kind: string;
  commune: string;
  email: string;
  status: 'pending' | 'validated' | 'refused';
  digest: string;
  accounts: number;
  createdAt: string;
}

export interface AdminWordRow {
  id: string;
  slug: string;
  term: string;
  category: string;
  published: boolean;
  definitions: number;
}

export interface AdminPage<Row> {
  results: Row[];
  pagination: { page: number; pageSize: number; total: number; pageCount: number };
}
