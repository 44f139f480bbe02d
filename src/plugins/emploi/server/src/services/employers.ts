import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { EMPLOYER_ACTIONS, EMPLOYER_ROLE, EMPLOYER_UID } from '../../../shared/permissions';

const ROLE_UID = 'plugin::users-permissions.role';
const PERMISSION_UID = 'plugin::users-permissions.permission';

export interface EmployerRow {
  id: number;
  documentId: string;
  name: string;
  sector: string | null;
  validated: boolean;
  centre: { id: number } | null;
}

/** Employers' accounts and their link to an employer's record. */
const createEmployersService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * The Users & Permissions role « Employeur », created with its permissions the first time an
   * employer is validated (Users & Permissions has made its default roles by then, whatever the
   * boot order), and left alone afterwards: an administrator's changes stay.
   */
  async ensureRole(): Promise<number> {
    const roles = strapi.db.query(ROLE_UID);
    const existing = (await roles.findOne({ where: { type: EMPLOYER_ROLE.type }, select: ['id'] })) as {
      id: number;
    } | null;
    if (existing) return existing.id;
    const role = (await roles.create({ data: { ...EMPLOYER_ROLE } })) as { id: number };
    for (const action of EMPLOYER_ACTIONS) {
      await strapi.db.query(PERMISSION_UID).create({ data: { action, role: role.id } });
    }
    return role.id;
  },

  /**
   * The validated employer an account publishes for. An account not yet validated by the team
   * is refused with a French 403 (a `PolicyError`, the only 403 whose message Strapi keeps).
   */
  async ofAccount(userId: number): Promise<EmployerRow> {
    const rows = (await strapi.db.query(EMPLOYER_UID).findMany({
      where: { accounts: { id: userId } },
      select: ['id', 'documentId', 'name', 'sector', 'validated'],
      populate: { centre: { select: ['id'] } },
      orderBy: { id: 'asc' },
    })) as EmployerRow[];
    const validated = rows.find((row) => row.validated);
    if (!validated) {
      throw new errors.PolicyError(
        rows.length === 0
          ? 'Ce compte n’est relié à aucun employeur : demandez au centre de vous ajouter.'
          : 'Votre entreprise n’est pas encore validée par le centre : vous pourrez publier des offres ensuite.',
      );
    }
    return validated;
  },
});

export type EmployersService = ReturnType<typeof createEmployersService>;
export default createEmployersService;
