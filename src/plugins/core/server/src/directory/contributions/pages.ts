import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { publicFormDefinition, type PublicFormDefinition } from '../../../../toolkit/public-forms';
import { CENTRE_UID } from '../../../../shared/permissions';
import { checkSubmission } from '../../public-forms/check';
import { clientAddress } from '../../public-forms/client-address';
import type { HygieneProblem } from '../../public-forms/hygiene';
import { renderForm, type FormField, type FormProblem, type FormValues } from '../../public-pages/fields';
import { readFormPost } from '../../public-pages/form-post';
import { markup } from '../../public-pages/html';
import type { PageCentre } from '../../public-pages/layout';
import { formProblems, isRateLimit } from '../../public-pages/problems';
import { PUBLIC_PAGES_PREFIX, sendMessagePage, sendPage, type PublicPageRoute } from '../../public-pages/server';
import { CORRECTION_PAGE_PATH } from '../../../../shared/contracts/public-pages';
import { getService } from '../../utils/get-service';
import { FORM_READS } from './controllers';
import {
  bodyOf,
  CORRECTION_FIELDS,
  EVENT_FIELD_ALIASES,
  EVENT_SUGGESTION_FIELDS,
  eventBodyOf,
  postedValues,
  STRUCTURE_SUGGESTION_FIELDS,
} from './page-fields';
import { correctionRoute, eventSuggestionRoute, structureSuggestionRoute } from './routes';
import { correctionToken, type CorrectionRequest, type EventSuggestion, type StructureSuggestion } from './schemas';

interface CentreRow extends PageCentre {
  id: number;
  slug: string;
}

const SLUG = /^[a-z0-9-]{1,120}$/;

const NOT_A_CENTRE = {
  title: 'Centre introuvable',
  paragraphs: ['Ce centre n’existe pas. Vérifiez l’adresse de la page, ou revenez au site du centre.'],
};

const LINK_HELP = 'Écrivez au centre pour demander un nouveau lien : il vous l’enverra par e-mail.';

interface FormPageSpec<Data> {
  title: string;
  intro: string;
  submitLabel: string;
  fields: FormField[];
  form: PublicFormDefinition;
  aliases?: Record<string, string>;
  /** The body for the schema and problems found while reading it (dates). */
  read: (posted: URLSearchParams) => { body: Record<string, unknown>; problems: HygieneProblem[] };
  save: (data: Data) => Promise<void>;
  thanks: (data: Data | null) => string[];
}

/**
 * A form page's POST: the JSON route's own checks and service; on a problem, the form again with
 * what was typed; a honeypot hit gets the same thanks as anyone.
 */
async function submitFormPage<Data>(
  strapi: Core.Strapi,
  ctx: Context,
  spec: FormPageSpec<Data>,
  centre: PageCentre | null,
  params: Record<string, string>,
  extra: (posted: URLSearchParams) => Record<string, unknown> = () => ({}),
): Promise<void> {
  const post = await readFormPost(ctx, spec.form.maxBytes);
  if (!post.ok) {
    return sendMessagePage(ctx, post.status, { title: 'Formulaire non reçu', centre, paragraphs: [post.message] });
  }
  const { body, problems } = spec.read(post.fields);
  try {
    const checked = await checkSubmission<Data>(
      strapi,
      ctx,
      spec.form,
      { ...body, ...extra(post.fields) },
      params,
      problems,
    );
    if (!checked.honeypot) await spec.save(checked.data);
    return sendMessagePage(ctx, 200, {
      title: 'Merci, c’est envoyé',
      centre,
      paragraphs: spec.thanks(checked.honeypot ? null : checked.data),
    });
  } catch (error) {
    if (isRateLimit(error)) {
      return sendMessagePage(ctx, 429, { title: 'Trop d’envois', centre, paragraphs: [error.message] });
    }
    const found = formProblems(error, new Set(spec.fields.map((field) => field.name)), spec.aliases);
    if (!found) throw error;
    return sendFormPage(ctx, 400, spec, centre, postedValues(spec.fields, post.fields), found);
  }
}

function sendFormPage<Data>(
  ctx: Context,
  status: number,
  spec: FormPageSpec<Data>,
  centre: PageCentre | null,
  values: FormValues,
  problems: FormProblem[],
): void {
  sendPage(ctx, status, {
    // Without JavaScript the answer is a new page: its title is the first thing read out.
    title: problems.length > 0 ? `Erreur : ${spec.title}` : spec.title,
    heading: spec.title,
    centre,
    body: renderForm({
      action: ctx.originalUrl,
      fields: spec.fields,
      values,
      problems,
      submitLabel: spec.submitLabel,
      honeypot: spec.form.honeypot,
      intro: markup`<p>${spec.intro}</p>`,
    }),
  });
}

const told = (email: unknown) =>
  typeof email === 'string' && email
    ? 'Vous recevrez sa réponse par e-mail.'
    : 'Vous n’avez pas laissé d’e-mail : vous ne recevrez pas de réponse.';

/** The pages of directory contributions, added to core's public pages by core's register. */
export function directoryPages(strapi: Core.Strapi): PublicPageRoute[] {
  const contributions = () => getService(strapi, 'directoryContributions');

  async function centreBySlug(slug: string): Promise<CentreRow | null> {
    if (!SLUG.test(slug)) return null;
    return (await strapi.db.query(CENTRE_UID).findOne({
      where: { slug },
      select: ['id', 'name', 'slug', 'website'],
    })) as CentreRow | null;
  }

  const suggestionSpecs = (centre: CentreRow) => ({
    structure: {
      title: 'Proposer une structure',
      intro: `Vous connaissez une association, un service ou un lieu utile aux habitants qui manque à l’annuaire du ${centre.name} ? Décrivez-le ici. L’équipe du centre relit chaque proposition avant de la publier.`,
      submitLabel: 'Envoyer la proposition',
      fields: STRUCTURE_SUGGESTION_FIELDS,
      form: publicFormDefinition(structureSuggestionRoute),
      read: (posted: URLSearchParams) => ({ body: bodyOf(STRUCTURE_SUGGESTION_FIELDS, posted), problems: [] }),
      save: (data: StructureSuggestion) => contributions().suggestions.structure(data),
      thanks: (data: StructureSuggestion | null) => [
        'Votre proposition est bien arrivée. L’équipe du centre la relira avant de la publier dans l’annuaire.',
        told(data?.email),
      ],
    } satisfies FormPageSpec<StructureSuggestion>,
    event: {
      title: 'Proposer un événement',
      intro: `Une fête, un atelier, une permanence ouverte aux habitants ? Proposez-le pour l’agenda du ${centre.name}. L’équipe du centre relit chaque proposition avant de la publier.`,
      submitLabel: 'Envoyer la proposition',
      fields: EVENT_SUGGESTION_FIELDS,
      form: publicFormDefinition(eventSuggestionRoute),
      aliases: EVENT_FIELD_ALIASES,
      read: eventBodyOf,
      save: (data: EventSuggestion) => contributions().suggestions.event(data),
      thanks: (data: EventSuggestion | null) => [
        'Votre proposition est bien arrivée. L’équipe du centre la relira avant de la publier dans l’agenda.',
        told(data?.email),
      ],
    } satisfies FormPageSpec<EventSuggestion>,
  });

  const suggestionPages = (kind: 'structure' | 'event', path: string): PublicPageRoute[] => [
    {
      method: 'GET',
      path,
      async handler(ctx, { centre: slug }) {
        const centre = await centreBySlug(slug);
        if (!centre) return sendMessagePage(ctx, 404, NOT_A_CENTRE);
        sendFormPage(ctx, 200, suggestionSpecs(centre)[kind] as FormPageSpec<unknown>, centre, {}, []);
      },
    },
    {
      method: 'POST',
      path,
      async handler(ctx, { centre: slug }) {
        const centre = await centreBySlug(slug);
        if (!centre) return sendMessagePage(ctx, 404, NOT_A_CENTRE);
        // The centre comes from the address, never from the body.
        await submitFormPage(strapi, ctx, suggestionSpecs(centre)[kind] as FormPageSpec<unknown>, centre, {}, () => ({
          centre: centre.slug,
        }));
      },
    },
  ];

  /** The link's structure and its current data, or an answer already sent. */
  async function correctionOf(ctx: Context) {
    const parsed = correctionToken.safeParse({ token: typeof ctx.query.jeton === 'string' ? ctx.query.jeton : '' });
    try {
      if (!parsed.success) throw new errors.ValidationError('invalid');
      const form = await contributions().corrections.form(parsed.data.token);
      const centre = form.centre ? await centreBySlug(form.centre.slug) : null;
      return { token: parsed.data.token, form, centre };
    } catch (error) {
      if (error instanceof errors.NotFoundError) {
        sendMessagePage(ctx, 404, { title: 'Fiche introuvable', paragraphs: [error.message] });
      } else if ((error as Error).name === 'ExpiredLinkError') {
        sendMessagePage(ctx, 410, {
          title: 'Ce lien a expiré',
          paragraphs: ['Les liens de correction sont valables 30 jours, et celui-ci a expiré.', LINK_HELP],
        });
      } else if (error instanceof errors.ValidationError) {
        sendMessagePage(ctx, 400, {
          title: 'Ce lien ne fonctionne pas',
          paragraphs: [
            'Ce lien de correction n’est pas valide : il a peut-être été coupé en deux par votre messagerie. Essayez de le copier en entier dans la barre d’adresse.',
            LINK_HELP,
          ],
        });
      } else {
        throw error;
      }
      return null;
    }
  }

  const asText = (value: unknown) => (value === null || value === undefined ? '' : String(value));

  const correctionSpec = (token: string, fields: Record<string, unknown>): FormPageSpec<CorrectionRequest> => ({
    title: 'Corriger la fiche de votre structure',
    intro:
      'Voici la fiche de votre structure telle qu’elle est publiée dans l’annuaire. Corrigez ce qui a changé, puis envoyez : l’équipe du centre relira vos corrections avant de les mettre en ligne.',
    submitLabel: 'Envoyer les corrections',
    fields: CORRECTION_FIELDS,
    form: publicFormDefinition(correctionRoute),
    // Only what differs from the published fiche is proposed.
    read: (posted) => {
      const unchanged = (key: string, value: string) =>
        Object.hasOwn(fields, key) && value.trim() === asText(fields[key]).trim();
      return { body: bodyOf(CORRECTION_FIELDS, posted, (key, value) => !unchanged(key, value)), problems: [] };
    },
    save: async (data) => {
      await contributions().corrections.propose(token, data);
    },
    thanks: () => [
      'Vos corrections sont bien arrivées. L’équipe du centre les relira avant de les mettre en ligne ; d’ici là, la fiche publiée ne change pas.',
      'Vous recevrez sa réponse par e-mail.',
    ],
  });

  const CORRECTION_PATH = CORRECTION_PAGE_PATH.slice(PUBLIC_PAGES_PREFIX.length);

  return [
    ...suggestionPages('structure', '/:centre/proposer-une-structure'),
    ...suggestionPages('event', '/:centre/proposer-un-evenement'),
    {
      method: 'GET',
      path: CORRECTION_PATH,
      async handler(ctx) {
        try {
          await getService(strapi, 'rateLimit').enforce(
            ctx,
            'correction.form',
            'address',
            clientAddress(ctx.request.ip),
            FORM_READS,
          );
        } catch (error) {
          if (!isRateLimit(error)) throw error;
          return sendMessagePage(ctx, 429, { title: 'Trop de consultations', paragraphs: [error.message] });
        }
        const found = await correctionOf(ctx);
        if (!found) return;
        const values = Object.fromEntries(
          CORRECTION_FIELDS.map((field) => [field.name, asText(found.form.fields[field.name])]),
        );
        sendFormPage(ctx, 200, correctionSpec(found.token, found.form.fields), found.centre, values, []);
      },
    },
    {
      method: 'POST',
      path: CORRECTION_PATH,
      async handler(ctx) {
        const found = await correctionOf(ctx);
        if (!found) return;
        await submitFormPage(strapi, ctx, correctionSpec(found.token, found.form.fields), found.centre, {
          token: found.token,
        });
      },
    },
  ];
}
