// The dictionary's site: static files built from the CMS, with no server of its own.
// SITE_BASE is the path it is served under (`npm run build:sites` gives it DICTIONNAIRE_BASE,
// default /dictionnaire/); SITE_URL its public address.
import { defineConfig } from 'astro/config';

export default defineConfig({
  output: 'static',
  site: process.env.SITE_URL || undefined,
  base: process.env.SITE_BASE || '/dictionnaire/',
  outDir: process.env.SITE_OUT_DIR || './dist',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  compressHTML: true,
  devToolbar: { enabled: false },
  // The CMS client is compiled CommonJS: Node loads it as is at build time instead of Vite.
  vite: { ssr: { external: ['@csc/cms', '@csc/plugin-dictionnaire', '@csc/plugin-core'] } },
});
