import fs from 'node:fs';
import path from 'node:path';

let cached: string | undefined;

/**
 * The repository root. Config files run both from `config/` (TypeScript, develop) and from
 * `dist/config/` (compiled, start), so paths are resolved from the root, never from __dirname.
 */
export function appRoot(): string {
  if (cached) return cached;
  let dir = __dirname;
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && fs.existsSync(path.join(dir, 'src', 'plugins'))) {
      cached = dir;
      return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No application root above ${__dirname}`);
    dir = parent;
  }
}
