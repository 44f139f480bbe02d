/**
 * « de » before a name, as French writes it: « d’Amina », « du référent de Chloé », « de Bruno ».
 * Names are the people's and companies' own: the elision follows the first letter only.
 */
export function ofName(name: string): string {
  if (name.startsWith('le ')) return `du ${name.slice(3)}`;
  if (name.startsWith('les ')) return `des ${name.slice(4)}`;
  return /^[aeiouyhàâäéèêëîïôöùûüœæ]/i.test(name) ? `d’${name}` : `de ${name}`;
}
