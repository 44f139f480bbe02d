import type { StrapiApp } from '@strapi/strapi/admin';

export default {
  config: {
    // French for staff; English stays available and is the fallback for missing strings.
    locales: ['fr'],
    translations: {
      fr: {
        'Auth.form.welcome.title': 'Bienvenue dans votre centre social',
        'Auth.form.welcome.subtitle': 'Connectez-vous à votre espace',
      },
    },
    tutorials: false,
    notifications: { releases: false },
  },
  bootstrap(_app: StrapiApp) {},
};
