/** `npm run bench -- --help` prints the options and the benchmarks, and runs none of them. */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BENCHES } from '../../bench/registry';

const root = resolve(__dirname, '../..');

describe('bench --help', () => {
  it('prints its options and every benchmark --only can name, then exits 0', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'bench/main.ts'), '--help'], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(''); // no "bench core: …" line: nothing ran
    expect(r.stdout).toMatch(/^usage: npm run bench -- \[--json\] \[--contacts N\] \[--only NAME,\.\.\.\]\n/);
    for (const option of ['--json', '--contacts N', '--only NAME,...', '-h, --help']) expect(r.stdout).toContain(`  ${option}`);
    for (const name of Object.keys(BENCHES)) expect(r.stdout).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
  });
});
