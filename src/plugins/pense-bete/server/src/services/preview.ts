import type { Core } from '@strapi/strapi';
import { nextDay, parisInstant, parisStartOfDay, parisToday, parseOrThrow } from '@csc/plugin-core/toolkit';
import { smsCost, toGsm7 } from '@csc/plugin-core/shared';
import { PERSON_UID } from '../../../shared/permissions';
import type { PreviewResponse } from '../../../shared/contracts/pense-bete';
import type { StaffUser } from '../core-services';
import { dayInWords, renderTemplate, timeInWords, type TemplateValues } from '../planning/template';
import { previewRequest } from '../requests';
import { centresOf, notFound } from '../staff-scope';
import { getService } from '../utils/get-service';

/** The message as the person would read it, what it costs, and how to make it fit one SMS. */
const createPreviewService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async preview(user: StaffUser, raw: unknown): Promise<PreviewResponse> {
    const data = parseOrThrow(previewRequest, raw ?? {});
    const centres = await centresOf(strapi, user);
    let firstName = 'Amina';
    let centre = centres[0];
    if (data.person) {
      const person = (await strapi.db.query(PERSON_UID).findOne({
        where: { documentId: data.person, centre: { id: { $in: centres } } },
        populate: { centre: { select: ['id'] } },
      })) as { firstName: string; centre: { id: number } | null } | null;
      if (!person) throw notFound('Cette personne');
      firstName = person.firstName;
      centre = person.centre?.id ?? centre;
    }
    const { name, phone } = centre
      ? await getService(strapi, 'sending').centreOf(centre)
      : { name: 'Centre social', phone: '' };
    let day = data.date;
    if (!day) {
      day = parisToday(getService(strapi, 'clock').now());
      for (let i = 0; i < 7; i += 1) day = nextDay(day);
    }
    const [year, month, date] = day.split('-').map(Number);
    const instant = data.time
      ? parisInstant(year, month, date, Number(data.time.slice(0, 2)), Number(data.time.slice(3, 5)))
      : parisStartOfDay(day);
    const values: TemplateValues = {
      prenom: firstName,
      demarche: data.title ?? 'Rendez-vous CAF',
      date: dayInWords(instant),
      heure: data.time ? timeInWords(instant) : '',
      centre: name,
      telephone_centre: phone,
    };
    const text = renderTemplate(data.template, values);
    const cost = smsCost(text);
    let suggestion: PreviewResponse['suggestion'] = null;
    const simpler = toGsm7(data.template);
    if (simpler !== data.template) {
      const simplerText = renderTemplate(simpler, values);
      const simplerCost = smsCost(simplerText);
      if (simplerCost.parts < cost.parts)
        suggestion = { template: simpler, text: simplerText, parts: simplerCost.parts };
    }
    return {
      text,
      encoding: cost.encoding,
      characters: [...text].length,
      parts: cost.parts,
      credits: cost.credits,
      suggestion,
    };
  },
});

export default createPreviewService;
