import type { Core } from '@strapi/strapi';
import { STEP_TYPE_UID } from '../../../shared/permissions';
import type { OffsetInput, StepTypeView } from '../../../shared/contracts/pense-bete';
import type { StaffUser } from '../core-services';
import { centresOf } from '../staff-scope';
import { DEFAULT_STEP_TYPES } from '../steps/catalogue';

export interface StepTypeRecord {
  id: number;
  documentId: string;
  code: string | null;
  name: string;
  defaultOffsets: OffsetInput[];
  template: string;
  defaultRecurrence: string | null;
  hasTime: boolean;
  centre?: { id: number } | null;
}

export const stepTypeView = (row: StepTypeRecord): StepTypeView => ({
  id: row.documentId,
  code: row.code ?? null,
  name: row.name,
  defaultOffsets: row.defaultOffsets,
  template: row.template,
  defaultRecurrence: row.defaultRecurrence ?? null,
  hasTime: Boolean(row.hasTime),
});

/** The catalogue of step types, one per centre, seeded with the usual French steps. */
const createStepTypesService = ({ strapi }: { strapi: Core.Strapi }) => {
  const query = () => strapi.db.query(STEP_TYPE_UID);

  return {
    /** Gives a centre the default types it lacks (by code); types a centre edited are kept. */
    async ensureDefaults(centre: number): Promise<void> {
      const present = new Set(
        ((await query().findMany({ where: { centre: { id: centre } }, select: ['code'] })) as { code: string | null }[])
          .map((row) => row.code)
          .filter(Boolean),
      );
      for (const type of DEFAULT_STEP_TYPES) {
        if (!present.has(type.code)) await query().create({ data: { ...type, centre } });
      }
    },

    async list(user: StaffUser): Promise<StepTypeView[]> {
      const centres = await centresOf(strapi, user);
      for (const centre of centres) await this.ensureDefaults(centre);
      const rows = (await query().findMany({
        where: { centre: { id: { $in: centres } } },
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
      })) as StepTypeRecord[];
      return rows.map(stepTypeView);
    },

    /** A type of the centre, or null. */
    async findForCentre(documentId: string, centre: number): Promise<StepTypeRecord | null> {
      await this.ensureDefaults(centre);
      return (await query().findOne({ where: { documentId, centre: { id: centre } } })) as StepTypeRecord | null;
    },
  };
};

export type StepTypesService = ReturnType<typeof createStepTypesService>;
export default createStepTypesService;
