import type { Core } from '@strapi/strapi';
import { CENTRE_UID } from '../../../shared/permissions';
import { seedDirectoryDemo } from '../directory/demo';

export const DEMO_CENTRE = {
  name: 'Centre social de démonstration',
  slug: 'demonstration',
  street: '12 rue des Tilleuls',
  postalCode: '69008',
  city: 'Lyon',
  phone: '04 78 00 00 00',
  email: 'accueil@demo.centre-social.fr',
  primaryColour: '#1d4e89',
  openingHours: 'Mo-Fr 09:00-12:00,13:30-18:30; Sa 09:00-12:00; PH off',
} as const;

/** Demo data of core, run by the app when DEMO_SEED is on; safe to run at every start. */
const createDemoService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async seed(): Promise<void> {
    const centres = strapi.documents(CENTRE_UID);
    const existing = await centres.findFirst({ filters: { slug: DEMO_CENTRE.slug } });
    const centre = existing ?? (await centres.create({ data: { ...DEMO_CENTRE } }));
    await seedDirectoryDemo(strapi, centre.id as number);
  },
});

export type DemoService = ReturnType<typeof createDemoService>;
export default createDemoService;
