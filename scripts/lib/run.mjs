import { spawnSync } from 'node:child_process';
import { ROOT } from './paths.mjs';

/** Runs a Node script in the foreground; a failure ends this process with the same code. */
export function runNode(args, { env = process.env, label } = {}) {
  if (label) console.log(`\n▶ ${label}`);
  const result = spawnSync(process.execPath, args, { cwd: ROOT, env, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
