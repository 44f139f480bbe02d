/** What every page needs to know about the centre whose site it is. */
export interface SiteIdentity {
  name: string;
  /** Public address of the site, e.g. https://centre.example.fr — for canonical URLs. */
  url?: string;
  logoUrl?: string | null;
  primaryColour?: string | null;
  street?: string | null;
  postalCode?: string | null;
  city?: string | null;
  phone?: string | null;
  email?: string | null;
  openingHours?: string | null;
  latitude?: number | null;
  longitude?: number | null;
}

export interface NavItem {
  label: string;
  /** Relative to the site's base, '' for the home page. */
  path: string;
}
