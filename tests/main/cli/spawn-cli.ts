/** Test helper: the CLI as `npm run contacts` starts it (node + tsx), in its own process. */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../../..');
export const CLI_ARGS = ['--import', 'tsx', join(ROOT, 'src/main/cli/main.ts')];

export function spawnCli(args: readonly string[], env: NodeJS.ProcessEnv, input?: string) {
  const r = spawnSync(process.execPath, [...CLI_ARGS, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, input });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
