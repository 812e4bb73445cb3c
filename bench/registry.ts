/**
 * Every benchmark `npm run bench` runs, in order. Add one line per module.
 */
import { carddavBench } from './carddav';
import { coreBench } from './core';
import { importBench } from './import';
import type { Bench } from './types';

export const BENCHES: Record<string, Bench> = {
  core: coreBench,
  import: importBench,
  carddav: carddavBench,
};
