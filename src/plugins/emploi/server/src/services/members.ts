import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { fieldError, parseOrThrow } from '@csc/plugin-core/toolkit';
import {
  CANDIDATE_ROLE,
  CANDIDATE_UID,
  CV_UID,
  DELIVERY_UID,
  MESSAGE_UID,
  EMPLOYER_UID,
  POSITIONING_UID,
} from '../../../shared/permissions';
import { coreService } from '../core-services';
import { centreOf, createUser, roleId } from '../members/accounts';
import {
  VISIBLE_FIELDS,
  answerBody,
  candidateSignUp,
  employerSignUp,
  login,
  positioningBody,
  profileUpdate,
} from '../members/fields';
import { MEMBER_ROLE_TYPES, PARTNER_DATA, closeSessionsOf, type Member } from '../members/session';
import { getService } from '../utils/get-service';
import { ofName } from '../notices/french';
import { POSITIONING_NOTICE } from '../notices/jobs';

const USER_UID = 'plugin::users-permissions.user';
const LIST_LIMIT = 200;
const CANDIDATE_POPULATE = { centre: { select: ['id'] }, referent: { select: ['id', 'email'] } };

/** What the candidate agrees to when registering; kept word for word with the consent. */
export const CANDIDATE_CONSENT_TEXT =
  'J’accepte que mon profil (prénom, initiale du nom et les champs que je choisis de montrer) soit visible par les employeurs validés par le centre. Mes coordonnées ne sont données qu’à un employeur dont j’accepte le positionnement. Je peux modifier, exporter ou supprimer mon profil à tout moment.';
export const CANDIDATE_CONSENT_PURPOSE = 'emploi.candidate-profile';

type Row = Record<string, unknown>;

interface CandidateRow {
  id: number;
  documentId: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  desiredJobs: string[] | null;
  skills: string[] | null;
  commune: string | null;
  mobilityKm: number | null;
  availability: string | null;
  languages: string[] | null;
  visibility: string[] | null;
  hidden: boolean | null;
  profileUpdatedAt: string | null;
  centre: { id: number } | null;
  referent?: { id: number; email: string } | null;
}

interface PositioningRow {
  id: number;
  documentId: string;
  message: string;
  state: 'pending' | 'accepted' | 'declined';
  createdAt: string;
  answeredAt: string | null;
  candidate: CandidateRow | null;
  employer: { id: number; documentId: string; name: string; sector: string | null; commune: string | null } | null;
}

const notFound = () => new errors.NotFoundError('Ce profil n’existe pas ou n’est plus visible.');

/** What an employer sees of a candidate: first name and initial, and only the fields she allowed. */
export function pseudonymous(row: CandidateRow): Row {
  const allowed = new Set(row.visibility ?? []);
  const shown: Row = { id: row.documentId, name: `${row.firstName} ${row.lastName.slice(0, 1).toUpperCase()}.` };
  for (const field of VISIBLE_FIELDS) if (allowed.has(field)) shown[field] = row[field] ?? null;
  return shown;
}

/** The candidate's own view of her profile. */
function ownProfile(row: CandidateRow): Row {
  return {
    id: row.documentId,
    firstName: row.firstName,
    lastName: row.lastName,
    email: row.email,
    phone: row.phone,
    desiredJobs: row.desiredJobs ?? [],
    skills: row.skills ?? [],
    commune: row.commune,
    mobilityKm: row.mobilityKm,
    availability: row.availability,
    languages: row.languages ?? [],
    visibility: row.visibility ?? [],
    hidden: Boolean(row.hidden),
    updatedAt: row.profileUpdatedAt,
  };
}

/**
 * Members' spaces of the sourcing: candidates' and employers' accounts, candidates' profiles,
 * and employers' positionings on candidates, with contact details given only once the candidate
 * accepted.
 */
const createMembersService = ({ strapi }: { strapi: Core.Strapi }) => {
  const now = () => getService(strapi, 'clock').now();

  async function candidateOf(member: Member): Promise<CandidateRow> {
    const row = (await strapi.db.query(CANDIDATE_UID).findOne({
      where: { account: { id: member.id } },
      populate: CANDIDATE_POPULATE,
    })) as CandidateRow | null;
    if (!row) throw new errors.NotFoundError('Votre profil a été supprimé.');
    return row;
  }

  async function positioningsWhere(where: Row): Promise<PositioningRow[]> {
    return (await strapi.db.query(POSITIONING_UID).findMany({
      where,
      populate: {
        candidate: { populate: CANDIDATE_POPULATE },
        employer: { select: ['id', 'documentId', 'name', 'sector', 'commune'] },
      },
      orderBy: { id: 'desc' },
      limit: LIST_LIMIT,
    })) as PositioningRow[];
  }

  /** An employer's view of a candidate, with contact details only after an accepted positioning. */
  function employerView(row: CandidateRow, positioning: PositioningRow | undefined): Row {
    const view: Row = { ...pseudonymous(row), positioning: positioning ? positioning.state : null };
    if (positioning?.state === 'accepted')
      view.contact = {
        firstName: row.firstName,
        lastName: row.lastName,
        email: row.email,
        phone: row.phone,
        referentEmail: row.referent?.email ?? null,
      };
    return view;
  }

  async function cvOf(candidateId: number): Promise<{ fileName: string; data: string }> {
    const cv = (await strapi.db.query(CV_UID).findOne({
      where: { candidate: { id: candidateId } },
      select: ['fileName', 'data'],
    })) as { fileName: string; data: string } | null;
    if (!cv) throw new errors.NotFoundError('Aucun CV n’a été déposé.');
    return cv;
  }

  const notify = async (
    to: string | null | undefined,
    centre: number | null,
    paragraphs: string[],
    subject: string,
  ) => {
    if (!to) return;
    const mail = coreService(strapi, 'mail');
    // The notice points to the space; the employer's message itself stays there.
    await mail.send({
      ...mail.compose({ subject, paragraphs, signature: 'Le portail emploi du centre social' }),
      to,
      centre,
    });
  };

  return {
    /** Called from bootstrap: the notice of a new positioning, sent by the outbox. */
    registerJobs(): void {
      coreService(strapi, 'outbox').handle(
        POSITIONING_NOTICE,
        async ({ positioning }) => {
          const item = (await strapi.db.query(POSITIONING_UID).findOne({
            where: { documentId: positioning },
            select: ['id'],
            populate: {
              centre: { select: ['id'] },
              employer: { select: ['name'] },
              candidate: { select: ['firstName', 'email'], populate: { referent: { select: ['email'] } } },
            },
          })) as {
            centre?: { id: number } | null;
            employer?: { name: string } | null;
            candidate?: { firstName: string; email: string | null; referent?: { email: string } | null } | null;
          } | null;
          // Withdrawn with the candidate's erasure since it was planned: nobody to tell.
          if (!item?.candidate || !item.employer) return;
          const centre = item.centre?.id ?? null;
          const { candidate, employer } = item;
          await notify(
            candidate.email,
            centre,
            [
              `Une entreprise, ${employer.name}, s’intéresse à votre profil et vous a laissé un message.`,
              'Lisez-le dans votre espace emploi et répondez : vos coordonnées ne lui seront données que si vous acceptez.',
            ],
            'Une entreprise s’intéresse à votre profil',
          );
          // The referent answers with the candidate: she hears of it too, by first name only.
          await notify(
            candidate.referent?.email,
            centre,
            [
              `Une entreprise, ${employer.name}, s’intéresse au profil ${ofName(candidate.firstName)}, que vous accompagnez.`,
              'Lisez son message dans votre espace emploi et répondez avec la personne.',
            ],
            `Une entreprise s’intéresse au profil ${ofName(candidate.firstName)}`,
          );
        },
        { label: 'Emploi : prévenir un candidat qu’une entreprise s’intéresse à son profil' },
      );
    },

    async signUpCandidate(body: unknown): Promise<number> {
      const input = parseOrThrow(candidateSignUp, body ?? {});
      const centre = await centreOf(strapi, input.centre);
      const userId = await createUser(strapi, input.email, input.password, await roleId(strapi, CANDIDATE_ROLE));
      const candidate = (await strapi.db.query(CANDIDATE_UID).create({
        data: {
          firstName: input.firstName,
          lastName: input.lastName,
          email: input.email,
          commune: input.commune,
          visibility: ['desiredJobs', 'skills', 'commune'],
          account: userId,
          centre,
          profileUpdatedAt: now(),
          hidden: false,
        },
      })) as { documentId: string };
      await coreService(strapi, 'consent').record({
        centre,
        subject: { uid: CANDIDATE_UID, id: candidate.documentId },
        purpose: CANDIDATE_CONSENT_PURPOSE,
        informationText: CANDIDATE_CONSENT_TEXT,
        method: 'online-form',
      });
      return userId;
    },

    async signUpEmployer(body: unknown): Promise<number> {
      const input = parseOrThrow(employerSignUp, body ?? {});
      const centre = await centreOf(strapi, input.centre);
      const userId = await createUser(
        strapi,
        input.email,
        input.password,
        await getService(strapi, 'employers').ensureRole(),
      );
      await strapi.documents(EMPLOYER_UID).create({
        data: {
          name: input.name,
          siret: input.siret,
          sector: input.sector,
          commune: input.commune,
          contactRole: input.contactRole,
          contactEmail: input.email,
          validated: false,
          accounts: [userId],
          centre,
        } as never,
      });
      return userId;
    },

    /** The account behind an address and password, or one French 400 that says not which was wrong. */
    async logIn(body: unknown): Promise<number> {
      const input = parseOrThrow(login, body ?? {});
      const user = (await strapi.db.query(USER_UID).findOne({
        where: { email: input.email, provider: 'local' },
        select: ['id', 'password', 'blocked'],
        populate: { role: { select: ['type'] } },
      })) as { id: number; password: string | null; blocked: boolean | null; role: { type: string } | null } | null;
      const users = strapi.plugin('users-permissions').service('user') as {
        validatePassword(password: string, hash: string): Promise<boolean>;
      };
      const memberRole = user?.role && MEMBER_ROLE_TYPES.includes(user.role.type);
      if (
        !user ||
        !user.password ||
        user.blocked ||
        !memberRole ||
        !(await users.validatePassword(input.password, user.password))
      ) {
        throw fieldError('password', 'Adresse e-mail ou mot de passe incorrect.');
      }
      return user.id;
    },

    async me(member: Member): Promise<Row> {
      if (member.kind === 'partner') return { kind: 'partner', partner: { email: member.email } };
      if (member.kind === 'referent') {
        const candidates = await strapi.db.query(CANDIDATE_UID).count({ where: { referent: { id: member.id } } });
        return { kind: 'referent', referent: { email: member.email, candidates } };
      }
      if (member.kind === 'candidate') {
        const row = await candidateOf(member);
        const cv = (await strapi.db.query(CV_UID).findOne({
          where: { candidate: { id: row.id } },
          select: ['fileName', 'size'],
        })) as { fileName: string; size: number } | null;
        return { kind: 'candidate', profile: ownProfile(row), cv };
      }
      const employers = (await strapi.db.query(EMPLOYER_UID).findMany({
        where: { accounts: { id: member.id } },
        select: ['documentId', 'name', 'validated'],
      })) as { documentId: string; name: string; validated: boolean }[];
      return {
        kind: 'employer',
        employer: employers[0]
          ? { id: employers[0].documentId, name: employers[0].name, validated: employers[0].validated }
          : null,
      };
    },

    /** The profiles a referent follows, as their owners see them. */
    async referentCandidates(member: Member): Promise<Row[]> {
      const rows = (await strapi.db.query(CANDIDATE_UID).findMany({
        where: { referent: { id: member.id } },
        populate: { ...CANDIDATE_POPULATE, account: { select: ['id'] } },
        orderBy: { lastName: 'asc' },
        limit: LIST_LIMIT,
      })) as (CandidateRow & { account: { id: number } | null })[];
      return rows.map((row) => ({ ...ownProfile(row), hasAccount: Boolean(row.account) }));
    },

    async updateProfile(member: Member, body: unknown): Promise<Row> {
      const input = parseOrThrow(profileUpdate, body ?? {});
      const row = await candidateOf(member);
      await strapi.db.query(CANDIDATE_UID).update({
        where: { id: row.id },
        data: { ...input, profileUpdatedAt: now(), hidden: false, reminderSentAt: null },
      });
      return ownProfile(await candidateOf(member));
    },

    /** Visible candidates of the employer's centre, for a validated employer only. */
    async candidates(member: Member): Promise<Row[]> {
      const employer = await getService(strapi, 'employers').ofAccount(member.id);
      const rows = (await strapi.db.query(CANDIDATE_UID).findMany({
        where: { hidden: false, ...(employer.centre ? { centre: { id: employer.centre.id } } : {}) },
        populate: CANDIDATE_POPULATE,
        orderBy: { profileUpdatedAt: 'desc' },
        limit: LIST_LIMIT,
      })) as CandidateRow[];
      const positionings = await positioningsWhere({ employer: { id: employer.id } });
      return rows.map((row) =>
        employerView(
          row,
          positionings.find((item) => item.candidate?.id === row.id),
        ),
      );
    },

    async candidate(member: Member, documentId: string): Promise<Row> {
      const employer = await getService(strapi, 'employers').ofAccount(member.id);
      const row = (await strapi.db.query(CANDIDATE_UID).findOne({
        where: { documentId, hidden: false },
        populate: CANDIDATE_POPULATE,
      })) as CandidateRow | null;
      if (!row || (employer.centre && row.centre?.id !== employer.centre.id)) throw notFound();
      const [positioning] = await positioningsWhere({ employer: { id: employer.id }, candidate: { id: row.id } });
      return employerView(row, positioning);
    },

    async position(member: Member, documentId: string, body: unknown): Promise<Row> {
      const input = parseOrThrow(positioningBody, body ?? {});
      const employer = await getService(strapi, 'employers').ofAccount(member.id);
      const row = (await strapi.db.query(CANDIDATE_UID).findOne({
        where: { documentId, hidden: false },
        populate: CANDIDATE_POPULATE,
      })) as CandidateRow | null;
      if (!row || (employer.centre && row.centre?.id !== employer.centre.id)) throw notFound();
      const existing = await positioningsWhere({ employer: { id: employer.id }, candidate: { id: row.id } });
      if (existing.some((item) => item.state !== 'declined')) {
        throw fieldError('message', 'Vous êtes déjà positionné sur ce profil : attendez sa réponse.');
      }
      // The positioning and its notice are recorded together: a mail server that is down delays
      // the e-mails (the outbox retries them) but neither loses nor refuses the positioning.
      const created = await strapi.db.transaction(async () => {
        const positioning = (await strapi.db.query(POSITIONING_UID).create({
          data: {
            candidate: row.id,
            employer: employer.id,
            message: input.message,
            state: 'pending',
            centre: row.centre?.id ?? null,
          },
        })) as { documentId: string };
        await coreService(strapi, 'outbox').enqueue(
          POSITIONING_NOTICE,
          { positioning: positioning.documentId },
          { idempotencyKey: `emploi.positioning-notice:${positioning.documentId}` },
        );
        return positioning;
      });
      return { id: created.documentId, state: 'pending' };
    },

    /** A candidate's received positionings, a referent's candidates' ones, or an employer's sent ones. */
    async positionings(member: Member): Promise<Row[]> {
      if (member.kind === 'referent') {
        return (await positioningsWhere({ candidate: { referent: { id: member.id } } })).map((item) => ({
          id: item.documentId,
          candidate: item.candidate
            ? { id: item.candidate.documentId, firstName: item.candidate.firstName, lastName: item.candidate.lastName }
            : null,
          employer: item.employer
            ? { name: item.employer.name, sector: item.employer.sector, commune: item.employer.commune }
            : null,
          message: item.message,
          state: item.state,
          sentAt: item.createdAt,
        }));
      }
      if (member.kind === 'candidate') {
        const row = await candidateOf(member);
        return (await positioningsWhere({ candidate: { id: row.id } })).map((item) => ({
          id: item.documentId,
          employer: item.employer
            ? { name: item.employer.name, sector: item.employer.sector, commune: item.employer.commune }
            : null,
          message: item.message,
          state: item.state,
          sentAt: item.createdAt,
        }));
      }
      const employer = await getService(strapi, 'employers').ofAccount(member.id);
      return (await positioningsWhere({ employer: { id: employer.id } })).map((item) => ({
        id: item.documentId,
        candidate: item.candidate ? employerView(item.candidate, item) : null,
        message: item.message,
        state: item.state,
        sentAt: item.createdAt,
      }));
    },

    async answer(member: Member, documentId: string, body: unknown): Promise<Row> {
      const { decision } = parseOrThrow(answerBody, body ?? {});
      if (member.kind === 'employer') throw new errors.PolicyError('Seul le candidat ou son référent répond.');
      const mine =
        member.kind === 'candidate' ? { id: (await candidateOf(member)).id } : { referent: { id: member.id } };
      const [positioning] = await positioningsWhere({ documentId, candidate: mine });
      if (!positioning) throw new errors.NotFoundError('Ce positionnement n’existe pas.');
      if (positioning.state !== 'pending') throw fieldError('decision', 'Vous avez déjà répondu à cet employeur.');
      const state = decision === 'accept' ? 'accepted' : 'declined';
      // The candidate and her referent may answer at the same moment: the first answer stands.
      const { count } = await strapi.db
        .query(POSITIONING_UID)
        .updateMany({ where: { id: positioning.id, state: 'pending' }, data: { state, answeredAt: now() } });
      if (count === 0) throw fieldError('decision', 'Vous avez déjà répondu à cet employeur.');
      return { id: documentId, state };
    },

    async storeCv(member: Member, cv: { fileName: string; bytes: Buffer }): Promise<Row> {
      const row = await candidateOf(member);
      const data = { fileName: cv.fileName, size: cv.bytes.length, data: cv.bytes.toString('base64') };
      await strapi.db.transaction(async () => {
        await strapi.db.query(CV_UID).deleteMany({ where: { candidate: { id: row.id } } });
        await strapi.db.query(CV_UID).create({ data: { ...data, candidate: row.id } });
        await strapi.db
          .query(CANDIDATE_UID)
          .update({ where: { id: row.id }, data: { profileUpdatedAt: now(), hidden: false, reminderSentAt: null } });
      });
      return { fileName: cv.fileName, size: cv.bytes.length };
    },

    async removeCv(member: Member): Promise<void> {
      const row = await candidateOf(member);
      await strapi.db.query(CV_UID).deleteMany({ where: { candidate: { id: row.id } } });
    },

    /** The candidate's own CV. */
    async ownCv(member: Member): Promise<{ fileName: string; data: string }> {
      const row = await candidateOf(member);
      return cvOf(row.id);
    },

    /** A candidate's CV for an employer she accepted, and for no one else. */
    async cvForEmployer(member: Member, documentId: string): Promise<{ fileName: string; data: string }> {
      const employer = await getService(strapi, 'employers').ofAccount(member.id);
      const row = (await strapi.db.query(CANDIDATE_UID).findOne({ where: { documentId }, select: ['id'] })) as {
        id: number;
      } | null;
      if (!row) throw notFound();
      const accepted = await positioningsWhere({
        employer: { id: employer.id },
        candidate: { id: row.id },
        state: 'accepted',
      });
      if (accepted.length === 0) {
        throw new errors.PolicyError('Le CV n’est donné qu’après l’accord du candidat à votre positionnement.');
      }
      return cvOf(row.id);
    },

    /** Everything kept about the candidate, for her own export. */
    async exportOwn(member: Member): Promise<Row> {
      const row = await candidateOf(member);
      return {
        profile: ownProfile(row),
        positionings: await Promise.all(
          (await positioningsWhere({ candidate: { id: row.id } })).map(async (item) => ({
            employer: item.employer?.name ?? null,
            message: item.message,
            state: item.state,
            sentAt: item.createdAt,
            answeredAt: item.answeredAt,
            messages: (
              (await strapi.db.query(MESSAGE_UID).findMany({
                where: { positioning: { id: item.id } },
                select: ['author', 'body', 'createdAt'],
                orderBy: { id: 'asc' },
              })) as { author: string; body: string; createdAt: string }[]
            ).map((message) => ({ from: message.author, body: message.body, sentAt: message.createdAt })),
          })),
        ),
        groupMessages: await getService(strapi, 'groupMessages').list(member),
      };
    },

    /** Deletes the member's profile, positionings received and account, at once. */
    async eraseOwn(member: Member): Promise<void> {
      if (member.kind === 'partner') throw new errors.PolicyError(PARTNER_DATA);
      await strapi.db.transaction(async () => {
        if (member.kind === 'candidate') {
          const row = await candidateOf(member);
          const threads = (await strapi.db.query(POSITIONING_UID).findMany({
            where: { candidate: { id: row.id } },
            select: ['id'],
          })) as { id: number }[];
          await strapi.db
            .query(MESSAGE_UID)
            .deleteMany({ where: { positioning: { id: { $in: threads.map((thread) => thread.id) } } } });
          await strapi.db.query(POSITIONING_UID).deleteMany({ where: { candidate: { id: row.id } } });
          await strapi.db.query(CV_UID).deleteMany({ where: { candidate: { id: row.id } } });
          await strapi.db.query(DELIVERY_UID).deleteMany({ where: { candidate: { id: row.id } } });
          await strapi.db.query(CANDIDATE_UID).delete({ where: { id: row.id } });
        }
        await strapi.db.query(USER_UID).delete({ where: { id: member.id } });
        await closeSessionsOf(strapi, [member.id]);
        await getService(strapi, 'passwords').forget([member.id]);
      });
    },
  };
};

export type MembersService = ReturnType<typeof createMembersService>;
export default createMembersService;
