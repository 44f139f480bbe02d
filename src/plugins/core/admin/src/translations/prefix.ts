/** Strapi looks plugin strings up as `<plugin>.<key>`; the JSON files keep the short keys. */
export function prefixTranslations(data: Record<string, string>, pluginId: string): Record<string, string> {
  return Object.fromEntries(Object.entries(data).map(([key, value]) => [`${pluginId}.${key}`, value]));
}
