// The centre's website: static files built from the CMS. SITE_BASE is the path it is served
// under (the demo serves it at /site/ from the CMS itself); SITE_URL its public address.
import { defineConfig } from 'astro/config';

export default defineConfig({
  output: 'static',
  site: process.env.SITE_URL || undefined,
  base: process.env.SITE_BASE || '/site/',
  // The CMS builds each centre's site into a fresh folder, then swaps it in.
  outDir: process.env.SITE_OUT_DIR || './dist',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  compressHTML: true,
  devToolbar: { enabled: false },
  // The CMS client is compiled CommonJS: Node loads it as is at build time instead of Vite.
  vite: { ssr: { external: ['@csc/cms', '@csc/plugin-site', '@csc/plugin-core'] } },
});
