/**
 * An SMS sender name as OVH accepts it: 11 characters at most, letters without accents, digits,
 * space, dot or dash, with at least one letter (a mobile number may not be used as a sender).
 * Null when it is fine; otherwise what to fix, in French.
 */
export function senderNameProblem(name: string): string | null {
  if (!/^[A-Za-z0-9 .-]{1,11}$/.test(name)) {
    return 'Le nom d’expéditeur compte 11 caractères au plus : lettres sans accent, chiffres, espace, point ou tiret.';
  }
  if (!/[A-Za-z]/.test(name)) return 'Le nom d’expéditeur contient au moins une lettre (un numéro n’est pas accepté).';
  return null;
}
