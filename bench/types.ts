/**
 * What a benchmark module is: `run(ctx)` returns figures. Register it in registry.ts.
 */
import type { ContactRecord } from '../src/main/contacts/model';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** The goal; `null` for figures reported for comparison only (e.g. baselines). */
  target: number | null;
  /** Whether smaller is better (default) or larger (throughput). */
  better?: 'lower' | 'higher';
  /** The book size the target is set for (the core's latency targets are set at 100,000); any size when absent. */
  targetAt?: number;
  /** The name of the raw-baseline figure measured in the same run for the same work, shown beside this one. */
  baseline?: string;
}

export interface BenchContext {
  /** Contacts in the generated book (default 100,000; `--contacts N`). */
  contacts: number;
  /** A fresh temporary folder for this run's files; removed afterwards. */
  dir: string;
  /** The generated book (generated once per run, shared by all benches). */
  book(): ContactRecord[];
  /** Progress lines; go to stderr so `--json` output stays one object. */
  log(message: string): void;
}

export interface Bench {
  description: string;
  run(ctx: BenchContext): Promise<Figure[]> | Figure[];
}
