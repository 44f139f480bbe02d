import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import {
  checkSubmission,
  formProblems,
  isRateLimit,
  markup,
  PUBLIC_PAGES_PREFIX,
  publicFormDefinition,
  readFormPost,
  renderForm,
  sendMessagePage,
  sendPage,
  type FormField,
  type FormProblem,
  type FormValues,
  type PublicPageRoute,
  type PublicPagesService,
} from '@csc/plugin-core/toolkit';
import { REQUEST_PAGE_PATH } from '../../../shared/contracts/public';
import { wordRequestRoute } from '../routes/content-api';
import { REQUESTER_CONSENT_TEXT, type WordRequestInput } from '../schemas';
import { getService } from '../utils/get-service';

/** The path under core's prefix (`/formulaires`). */
const PAGE_PATH = REQUEST_PAGE_PATH.slice(PUBLIC_PAGES_PREFIX.length);

const TITLE = 'Demander un mot';

const FIELDS: FormField[] = [
  {
    name: 'word',
    label: 'Le mot que vous ne comprenez pas',
    type: 'text',
    required: true,
    maxLength: 80,
    autocomplete: 'off',
  },
  {
    name: 'context',
    label: 'Où l’avez-vous vu ou entendu ?',
    type: 'textarea',
    hint: 'Par exemple : « sur le site de la CAF », « mon petit-fils me l’a dit ». Facultatif.',
    maxLength: 300,
    autocomplete: 'off',
  },
  {
    name: 'email',
    label: 'Votre e-mail, pour être prévenu(e)',
    type: 'email',
    hint: 'Facultatif. Nous vous écrirons une seule fois, quand le mot sera expliqué.',
    autocomplete: 'email',
    inputMode: 'email',
  },
  { name: 'consent', label: REQUESTER_CONSENT_TEXT, type: 'checkbox' },
];

const SHOWN = new Set(FIELDS.map((field) => field.name));

function sendForm(
  ctx: Context,
  honeypot: string | null,
  status: number,
  values: FormValues,
  problems: FormProblem[],
): void {
  sendPage(ctx, status, {
    title: problems.length > 0 ? `Erreur : ${TITLE}` : TITLE,
    heading: TITLE,
    body: renderForm({
      action: ctx.path,
      fields: FIELDS,
      values,
      problems,
      submitLabel: 'Envoyer ma demande',
      honeypot,
      intro: markup`<p>Un mot du numérique vous manque dans le dictionnaire ? Demandez-le : des enfants l’expliqueront avec des mots simples, et l’équipe relira leur définition avant de la publier.</p>`,
    }),
  });
}

/** The body for the schema: every posted key (an unexpected one is named by the strict schema). */
function bodyOf(posted: URLSearchParams): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const key of new Set(posted.keys())) {
    const value = posted.getAll(key).pop() ?? '';
    if (key === 'consent') body.consent = value === 'oui';
    else if (value !== '' || key === 'word') body[key] = value;
  }
  return body;
}

/** « Ce mot manque » for a browser without JavaScript: the JSON route's checks, counters and service. */
export function requestPages(strapi: Core.Strapi): PublicPageRoute[] {
  const form = publicFormDefinition(wordRequestRoute);
  return [
    {
      method: 'GET',
      path: PAGE_PATH,
      async handler(ctx) {
        const word = typeof ctx.query.mot === 'string' ? ctx.query.mot.slice(0, 80) : '';
        sendForm(ctx, form.honeypot, 200, { word }, []);
      },
    },
    {
      method: 'POST',
      path: PAGE_PATH,
      async handler(ctx) {
        const post = await readFormPost(ctx, form.maxBytes);
        if (!post.ok)
          return sendMessagePage(ctx, post.status, { title: 'Demande non reçue', paragraphs: [post.message] });
        try {
          const checked = await checkSubmission<WordRequestInput>(strapi, ctx, form, bodyOf(post.fields), {}, []);
          if (!checked.honeypot) await getService(strapi, 'requests').submit(checked.data);
          const email = !checked.honeypot && checked.data.email;
          return sendMessagePage(ctx, 200, {
            title: 'Merci, votre demande est arrivée',
            paragraphs: [
              'Des groupes d’enfants vont voir votre demande. Quand le mot sera expliqué et relu, il apparaîtra dans le dictionnaire.',
              email
                ? 'Nous vous écrirons une seule fois à ce moment-là, puis nous effacerons votre adresse.'
                : 'Revenez chercher le mot dans quelques semaines.',
            ],
          });
        } catch (error) {
          if (isRateLimit(error))
            return sendMessagePage(ctx, 429, { title: 'Trop d’envois', paragraphs: [error.message] });
          const problems = formProblems(error, SHOWN);
          if (!problems) throw error;
          const values: FormValues = Object.fromEntries(
            FIELDS.map((field) => [
              field.name,
              field.type === 'checkbox' ? post.fields.get(field.name) === 'oui' : (post.fields.get(field.name) ?? ''),
            ]),
          );
          return sendForm(ctx, form.honeypot, 400, values, problems);
        }
      },
    },
  ];
}

/** Called from register: core serves the pages ahead of Strapi's middlewares. */
export function addRequestPages(strapi: Core.Strapi): void {
  (strapi.plugin('core').service('publicPages') as PublicPagesService).add(requestPages(strapi));
}
