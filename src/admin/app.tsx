import type { StrapiApp } from '@strapi/strapi/admin';

// Strapi's own key for the interface language, read when the admin renders.
const LANGUAGE_KEY = 'strapi-admin-language';

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
  bootstrap(_app: StrapiApp) {
    // Until someone picks a language, the login page and the admin open in French.
    if (!window.localStorage.getItem(LANGUAGE_KEY)) window.localStorage.setItem(LANGUAGE_KEY, 'fr');
  },
};
