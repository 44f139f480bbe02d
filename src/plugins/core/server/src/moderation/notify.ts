import type { ModerationDecision, ModerationKind, ModerationMode } from '../../../shared/contracts/moderation';
import type { MailLayout } from '../mail/templates';

export interface DecisionNotice {
  decision: ModerationDecision;
  kind: ModerationKind;
  mode: ModerationMode;
  typeLabel: string;
  title: string;
  /** What the moderator wrote for the person; the internal note never comes here. */
  message: string | null;
  centreName: string | null;
}

/** A title fit for a subject line: one line, not too long. */
function short(title: string): string {
  const line = title.replace(/\s+/g, ' ').trim() || 'sans titre';
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}

/**
 * The e-mail telling the person who proposed (or wrote) the content what was decided, in plain
 * French; `null` when there is nothing to tell (content kept after a report).
 */
export function decisionMail(notice: DecisionNotice): MailLayout | null {
  const title = short(notice.title);
  const what = `« ${title} » (${notice.typeLabel.toLowerCase()})`;
  const signature = notice.centreName ? `L’équipe du ${notice.centreName}` : 'L’équipe de modération';
  const footer =
    notice.kind === 'report'
      ? 'Vous recevez ce message parce que vous avez publié ce contenu.'
      : 'Vous recevez ce message parce que vous avez proposé ce contenu.';
  const reason = notice.message ? [notice.message] : [];
  switch (notice.decision) {
    case 'accept':
      if (notice.kind === 'report') return null;
      return {
        subject:
          notice.kind === 'edit'
            ? `Votre modification est en ligne : ${title}`
            : `Votre proposition est en ligne : ${title}`,
        paragraphs: [
          notice.kind === 'edit'
            ? `Merci ! La modification que vous avez proposée pour ${what} a été acceptée : elle est en ligne.`
            : `Merci ! Votre proposition ${what} a été acceptée : elle est en ligne.`,
          ...reason,
        ],
        signature,
        footer,
      };
    case 'refuse':
      return {
        subject:
          notice.kind === 'report'
            ? `Votre contenu a été retiré : ${title}`
            : `Votre proposition n’a pas été retenue : ${title}`,
        paragraphs: [
          notice.kind === 'report'
            ? `Après des signalements, ${what} a été retiré du site. Voici pourquoi :`
            : notice.kind === 'edit'
              ? `La modification que vous avez proposée pour ${what} n’a pas été retenue${notice.mode === 'post' ? ' : la version précédente est de nouveau en ligne' : ''}. Voici pourquoi :`
              : `Votre proposition ${what} n’a pas été retenue${notice.mode === 'post' ? ' et a été retirée du site' : ''}. Voici pourquoi :`,
          ...reason,
          'Pour toute question, répondez à ce message ou passez à l’accueil du centre.',
        ],
        signature,
        footer,
      };
    case 'request-changes':
      return {
        subject: `Des modifications sont demandées : ${title}`,
        paragraphs: [
          notice.kind === 'report'
            ? `Votre contenu ${what} a été signalé par des visiteurs du site. L’équipe vous demande quelques modifications :`
            : notice.mode === 'pre'
              ? `Merci pour ${what}. Avant toute mise en ligne, l’équipe vous demande quelques modifications :`
              : `Merci pour ${what}. L’équipe vous demande quelques modifications :`,
          ...reason,
          'Vous pouvez envoyer une nouvelle version avec le même formulaire, ou répondre à ce message.',
        ],
        signature,
        footer,
      };
  }
}
