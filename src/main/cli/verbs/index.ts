/**
 * The verb registry: one line per verb. Importer verbs (`import`, `sync`, `sources`,
 * `export`) are added here by their own modules.
 */
import type { Verb } from '../context';
import { carddavVerb } from './carddav';
import { exportVerb } from './export';
import { importVerb } from './import';
import { linkVerb } from './link';
import { listVerb } from './list';
import { matchVerb } from './match';
import { removeVerb } from './remove';
import { requestVerb } from './request';
import { searchVerb } from './search';
import { sourcesVerb } from './sources';
import { syncVerb } from './sync';
import { unlinkVerb } from './unlink';

export const VERBS: Record<string, Verb> = {
  request: requestVerb,
  list: listVerb,
  search: searchVerb,
  match: matchVerb,
  import: importVerb,
  sync: syncVerb,
  sources: sourcesVerb,
  remove: removeVerb,
  export: exportVerb,
  carddav: carddavVerb,
  unlink: unlinkVerb,
  link: linkVerb,
};
