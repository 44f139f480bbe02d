import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { optOutPage, type OptOutPage } from '../opt-out/page';
import type { UnsubscribeState } from '../services/unsubscribe';
import { getService } from '../utils/get-service';

const STOPPED = 'Vous ne recevrez plus de rappels par e-mail.';
const CONTACT = 'Pour recevoir de nouveau des rappels, ou par SMS, adressez-vous au centre social qui vous accompagne.';

function pageOf(state: UnsubscribeState, action: string, confirmed: boolean): { status: number; page: OptOutPage } {
  switch (state.kind) {
    case 'invalid':
      return {
        status: 400,
        page: {
          title: 'Ce lien ne fonctionne pas',
          paragraphs: [
            'Le lien de désinscription est incomplet ou a été modifié : rien n’a été changé.',
            'Copiez le lien en entier depuis l’e-mail reçu, ou demandez au centre social d’arrêter les rappels.',
          ],
        },
      };
    case 'expired':
      return {
        status: 410,
        page: {
          title: 'Ce lien a expiré',
          paragraphs: [
            'Ce lien de désinscription n’est plus valable : rien n’a été changé.',
            'Utilisez le lien d’un e-mail plus récent, ou demandez au centre social d’arrêter les rappels.',
          ],
        },
      };
    case 'gone':
      return {
        status: 200,
        page: { title: 'Aucun rappel prévu', paragraphs: ['Plus aucun rappel n’est envoyé à cette adresse.'] },
      };
    case 'unsubscribed':
      return {
        status: 200,
        page: {
          title: confirmed ? 'C’est fait' : 'Vous êtes déjà désinscrit·e',
          paragraphs: [STOPPED, CONTACT],
          centre: state.centre,
        },
      };
    default:
      return {
        status: 200,
        page: {
          title: 'Ne plus recevoir les rappels par e-mail',
          paragraphs: [
            'Vous recevez par e-mail des rappels de vos démarches, envoyés par votre centre social.',
            'Confirmez pour ne plus les recevoir. Vous pourrez changer d’avis en le disant au centre.',
          ],
          confirm: { action, label: 'Ne plus recevoir de rappels par e-mail' },
          centre: state.centre,
        },
      };
  }
}

function answer(ctx: Context, state: UnsubscribeState, confirmed: boolean): void {
  const { status, page } = pageOf(state, ctx.path, confirmed);
  ctx.status = status;
  ctx.type = 'text/html; charset=utf-8';
  // The address holds the token: neither cached nor passed on to another site.
  ctx.set('Cache-Control', 'no-store');
  ctx.set('Referrer-Policy', 'no-referrer');
  ctx.body = optOutPage(page);
}

/** The public unsubscribe page of the reminder e-mails: GET shows, POST (a plain form) confirms. */
const createUnsubscribeController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async show(ctx: Context) {
    answer(ctx, await getService(strapi, 'unsubscribe').inspect(String(ctx.params.token ?? '')), false);
  },
  async confirm(ctx: Context) {
    answer(ctx, await getService(strapi, 'unsubscribe').withdraw(String(ctx.params.token ?? '')), true);
  },
});

export default createUnsubscribeController;
