/** The reminder as e-mailed: its text, then how to stop, which works without an account. */
export function withUnsubscribeLink(text: string, link: string): string {
  return `${text}\n\n—\nVous ne souhaitez plus recevoir ces rappels par e-mail ? Ouvrez ce lien : ${link}`;
}
