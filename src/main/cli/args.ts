/**
 * Splits the command line into the global options (accepted anywhere before `--`) and the
 * verb with its own arguments, which the verb parses itself with `parseArgs`.
 */
import { parseArgs } from 'node:util';

export interface GlobalOptions {
  db?: string;
  region?: string;
  service?: string;
  json: boolean;
  verbose: boolean;
  help: boolean;
}

export interface ParsedCommandLine {
  options: GlobalOptions;
  verb: string | undefined;
  /** The verb's own arguments, in order, with the global options taken out. */
  argv: string[];
}

const GLOBAL = {
  db: { type: 'string' },
  region: { type: 'string' },
  service: { type: 'string' },
  json: { type: 'boolean' },
  verbose: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Parses `[--db FILE] [--region CC] [--service NAME] [--json] [--verbose] VERB ...`. */
export function parseCommandLine(args: readonly string[]): ParsedCommandLine {
  // strict: false keeps unknown (verb) options as tokens; we rebuild the verb's argv from them.
  const { values, tokens } = parseArgs({ args: [...args], options: GLOBAL, strict: false, allowPositionals: true, tokens: true });
  const rest: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'option' && token.name in GLOBAL) continue;
    if (token.kind === 'option-terminator') {
      rest.push(...args.slice(token.index));
      break;
    }
    rest.push(args[token.index]!);
  }
  const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
  for (const name of ['db', 'region', 'service'] as const) {
    if (values[name] !== undefined && typeof values[name] !== 'string') throw new UsageError(`--${name} needs a value`);
  }
  const [verb, ...argv] = rest;
  return {
    options: {
      db: str(values.db),
      region: str(values.region)?.toUpperCase(),
      service: str(values.service),
      json: values.json === true,
      verbose: values.verbose === true,
      help: values.help === true,
    },
    verb,
    argv,
  };
}

/** Bad command-line input: reported in one line with exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
