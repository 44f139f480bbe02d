// The employment site: static files built from the CMS, install-wide (EMPLOI_CENTRE, optional,
// keeps the offers of one centre). SITE_BASE is the path it is served under (`npm run
// build:sites` gives it EMPLOI_BASE, default /emploi/); SITE_URL its public address. The members'
// pages call /api/emploi/members/… on their own origin: serve the site with the CMS.
import { defineConfig } from 'astro/config';

export default defineConfig({
  output: 'static',
  site: process.env.SITE_URL || undefined,
  base: process.env.SITE_BASE || '/emploi/',
  outDir: process.env.SITE_OUT_DIR || './dist',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always', concurrency: 2 },
  compressHTML: true,
  devToolbar: { enabled: false },
  // The CMS client and the plugins' shared code are compiled CommonJS: Node loads them as they are.
  vite: { ssr: { external: ['@csc/cms', '@csc/plugin-emploi', '@csc/plugin-core'] } },
});
