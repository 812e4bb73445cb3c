import { describe, expect, it } from 'vitest';
import { formatReport, jsonReport, meets } from '../../bench/report';
import type { Figure } from '../../bench/types';

const figures: Figure[] = [
  { name: 'match_30_p99_ms', value: 0.6291, unit: 'ms', target: 1, baseline: 'baseline_match_30_p99_ms' },
  { name: 'import_vcf_ratio', value: 0.42, unit: '', target: 0.5, better: 'higher' },
  { name: 'baseline_match_30_p99_ms', value: 0.439, unit: 'ms', target: null },
];

describe('bench/jsonReport', () => {
  it('prints exactly one object with the contract fields of every figure', () => {
    expect(JSON.parse(jsonReport(100_000, figures))).toEqual({
      contacts: 100_000,
      figures: [
        { name: 'match_30_p99_ms', value: 0.629, unit: 'ms', target: 1 },
        { name: 'import_vcf_ratio', value: 0.42, unit: '', target: 0.5 },
        { name: 'baseline_match_30_p99_ms', value: 0.439, unit: 'ms', target: null },
      ],
    });
  });
});

describe('bench/formatReport', () => {
  it('shows each figure beside its target, its verdict and the baseline from the same run', () => {
    const table = formatReport(100_000, figures);
    const row = (name: string) => table.split('\n').find((l) => l.startsWith(`${name} `))!;
    expect(row('match_30_p99_ms')).toMatch(/0\.629\s+ms\s+≤ 1\s+ok\s+0\.439 \(baseline_match_30_p99_ms\)/);
    expect(row('import_vcf_ratio')).toMatch(/≥ 0\.5\s+MISSED/);
  });

  it('gives no verdict where the target was set for another book size', () => {
    const table = formatReport(1_000_000, [{ name: 'list_all_pages_ms', value: 5307, unit: 'ms', target: 1000, targetAt: 100_000 }]);
    expect(table).toMatch(/list_all_pages_ms\s+5307\s+ms\s+≤ 1000\s+\(set at 100,000\)/);
    expect(table).not.toContain('MISSED');
  });

  it('judges throughput against a floor and latency against a ceiling', () => {
    expect(meets({ name: 'x', value: 2, unit: 'ms', target: 1 })).toBe(false);
    expect(meets({ name: 'y', value: 2, unit: '/s', target: 1, better: 'higher' })).toBe(true);
    expect(meets({ name: 'z', value: 2, unit: 'ms', target: null })).toBeNull();
  });
});
