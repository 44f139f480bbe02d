/** The fields of a centre that staff edit (the content manager's `plugin::core.centre`). */
export interface CentreFields {
  name: string;
  slug: string;
  street?: string | null;
  postalCode?: string | null;
  city?: string | null;
  /** Filled from the address by core geocoding; read-only for staff. */
  latitude?: number | null;
  longitude?: number | null;
  phone?: string | null;
  email?: string | null;
  website?: string | null;
  primaryColour?: string | null;
  secondaryColour?: string | null;
  smsSenderName?: string | null;
  openingHours?: string | null;
}
