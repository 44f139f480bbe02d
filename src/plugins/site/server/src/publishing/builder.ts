import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';

export interface BuildRequest {
  /** The Astro project, e.g. <app>/frontends/site. */
  projectDir: string;
  sitesDir: string;
  centreSlug: string;
  cmsUrl: string;
  /** The CMS's public address (PUBLIC_URL), where the sites' links to its forms point. */
  cmsPublicUrl?: string;
  signal?: AbortSignal;
}

export interface BuildResult {
  ok: boolean;
  durationMs: number;
  /** The end of the build's output when it failed, for staff. */
  output: string;
}

/** The site's public path: every centre of an install has its own. */
export const siteBase = (centreSlug: string) => `/sites/${centreSlug}/`;

const centreDir = (sitesDir: string, centreSlug: string) => path.join(sitesDir, centreSlug);
export const currentDir = (sitesDir: string, centreSlug: string) =>
  path.join(centreDir(sitesDir, centreSlug), 'current');

/**
 * Builds a centre's site into a new folder, then swaps the `current` link to it in one rename:
 * visitors see the old site or the new one, never a half-written one, and a failed build
 * leaves the old one online.
 */
export async function buildSite(request: BuildRequest): Promise<BuildResult> {
  const started = Date.now();
  const root = centreDir(request.sitesDir, request.centreSlug);
  const id = `${new Date(started).toISOString().replace(/[:.]/g, '-')}-${process.pid}`;
  const outDir = path.join(root, 'builds', id);
  await fs.mkdir(path.dirname(outDir), { recursive: true });
  const { code, output } = await run(request, outDir);
  if (code !== 0) {
    await fs.rm(outDir, { recursive: true, force: true });
    return { ok: false, durationMs: Date.now() - started, output: output.slice(-2000) };
  }
  const link = path.join(root, 'current');
  const live = await fs.readlink(link).catch(() => '');
  if (path.basename(live) > id) {
    // A build started after this one is already online: it read fresher content.
    await fs.rm(outDir, { recursive: true, force: true });
    return { ok: true, durationMs: Date.now() - started, output: '' };
  }
  const temporary = `${link}.${id}`;
  await fs.symlink(path.join('builds', id), temporary);
  await fs.rename(temporary, link);
  await prune(root, id);
  return { ok: true, durationMs: Date.now() - started, output: '' };
}

function run(request: BuildRequest, outDir: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', 'build', '--silent'], {
      cwd: request.projectDir,
      env: {
        ...process.env,
        CMS_URL: request.cmsUrl,
        ...(request.cmsPublicUrl ? { CMS_PUBLIC_URL: request.cmsPublicUrl } : {}),
        SITE_CENTRE: request.centreSlug,
        SITE_BASE: siteBase(request.centreSlug),
        SITE_OUT_DIR: outDir,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      signal: request.signal,
    });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (error) => resolve({ code: 1, output: `${output}\n${error.message}` }));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** Keeps the live build and the one before it (to look back at), removes older ones. */
async function prune(root: string, liveId: string): Promise<void> {
  const builds = path.join(root, 'builds');
  const ids = (await fs.readdir(builds)).sort();
  const keep = new Set([liveId, ...ids.filter((id) => id < liveId).slice(-1)]);
  await Promise.all(
    ids
      .filter((id) => !keep.has(id) && id < liveId)
      .map((id) => fs.rm(path.join(builds, id), { recursive: true, force: true })),
  );
}
