import type { Person } from './person';

/** An entry holding personal data, as the registry passes it between types. */
export interface PersonRef {
  uid: string;
  documentId: string;
  centre: number | null;
}

export interface FoundRecord {
  ref: PersonRef;
  /** What the person gets in their export: their data, flat, readable. */
  record: Record<string, unknown>;
}

/**
 * What each plugin declares for every type that holds personal data: how to find a person's
 * entries, and how to erase or anonymise them. Core runs the export and erasure for all types.
 */
export interface PersonalDataType {
  uid: string;
  /** French, shown to staff and used to name the files of an export. */
  label: string;
  /** Entries belong to a centre: that centre's staff may export and erase them. */
  centreScoped: boolean;
  /**
   * Found from the contact details, or from the entries other types found (consents, for
   * instance, point at a person record of a product).
   */
  find(person: Person, related: PersonRef[]): Promise<FoundRecord[]>;
  /** Types found through others run after them. */
  findsThroughOthers?: boolean;
  erase(refs: PersonRef[]): Promise<{ erased: number; anonymised: number }>;
}

export function createRegistry() {
  const types = new Map<string, PersonalDataType>();
  return {
    register(type: PersonalDataType): void {
      if (types.has(type.uid)) throw new Error(`Personal data of ${type.uid} is already declared`);
      types.set(type.uid, type);
    },
    /** Direct types first, then those that find through the others. */
    ordered(): PersonalDataType[] {
      const all = [...types.values()];
      return [...all.filter((type) => !type.findsThroughOthers), ...all.filter((type) => type.findsThroughOthers)];
    },
  };
}
