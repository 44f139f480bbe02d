/**
 * The children's ages of a service or an event as a flyer writes them: « De 0 à 3 ans », « 4 ans »,
 * « Dès 6 ans », « Jusqu’à 11 ans »; null when it says nothing of ages.
 */
export function agesLabel(entry: { age_min?: number | null; age_max?: number | null }): string | null {
  const min = entry.age_min ?? null;
  const max = entry.age_max ?? null;
  const years = (age: number) => (age === 1 ? '1 an' : `${age} ans`);
  if (min !== null && max !== null) return min === max ? years(min) : `De ${min} à ${years(max)}`;
  if (min !== null && min > 0) return `Dès ${years(min)}`;
  if (max !== null) return `Jusqu’à ${years(max)}`;
  return null;
}
