/** Lower-case words without accents, for readable addresses (« Relais Petite Enfance » → relais-petite-enfance). */
export function slugify(value: string, fallback = 'fiche'): string {
  return (
    value
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || fallback
  );
}

/**
 * The name gives an address its words and the entry's identifier keeps it unique and stable
 * while staff fix a typo (the first eight characters suffice unless two entries collide).
 */
export function uniquePaths<Item extends { id: string }>(
  items: Item[],
  name: (item: Item) => string,
  folder: string,
  fallback?: string,
): (Item & { path: string })[] {
  const short = (item: Item) => `${slugify(name(item), fallback)}-${item.id.slice(0, 8)}`;
  const seen = new Map<string, number>();
  for (const item of items) seen.set(short(item), (seen.get(short(item)) ?? 0) + 1);
  return items.map((item) => {
    const slug = (seen.get(short(item)) ?? 0) > 1 ? `${slugify(name(item), fallback)}-${item.id}` : short(item);
    return { ...item, path: `${folder}/${slug}/` };
  });
}
