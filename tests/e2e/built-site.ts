import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT } from '../harness/database';
import { serveStatic } from './static-server';

export interface BuiltSite {
  /** Where the site is served on loopback (`http://127.0.0.1:<port>`), without its base. */
  url: string;
  /** Every path of its sitemap, base included. */
  urls: string[];
  close(): Promise<void>;
}

function build(folder: string, env: Record<string, string>): Promise<void> {
  // Asynchronous on purpose: the CMS answering the build runs in the test's own process.
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', 'build', '--silent'], {
      cwd: folder,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${folder} build failed:\n${output}`))));
  });
}

/**
 * Builds one site of `frontends/` against a running CMS, serves it under its base as a static
 * host would, and reads its sitemap: the pages every e2e test walks.
 */
export async function buildAndServe(options: {
  site: string;
  base: string;
  cmsUrl: string;
  env?: Record<string, string>;
  /** Serve the CMS's `/api/` on the site's origin (members' pages call it with their cookie). */
  proxyApi?: boolean;
}): Promise<BuiltSite> {
  const folder = path.join(ROOT, 'frontends', options.site);
  await build(folder, { CMS_URL: options.cmsUrl, SITE_BASE: options.base, ...options.env });
  const served = await serveStatic(
    path.join(folder, 'dist'),
    options.base,
    options.proxyApi ? options.cmsUrl : undefined,
  );
  const sitemap = await (await fetch(`${served.url}${options.base}sitemap.xml`)).text();
  const urls = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map(([, loc]) => new URL(loc).pathname);
  return { url: served.url, urls, close: served.close };
}
