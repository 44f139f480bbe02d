/** First names as the search compares them: lower case, no accents. */
export const searchKeyOf = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();
