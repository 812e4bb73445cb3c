/**
 * The command-line shell over the contact core:
 *
 *     npm run --silent contacts -- [--db FILE] [--region CC] [--service NAME] [--json] VERB ...
 *
 * Errors are one line on stderr and a non-zero exit code, never a stack trace.
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { ANOTHER_IMPORT_RUNNING, isBusyError, isDatabaseTooNewError } from '../contacts/db/errors';
import { closeDatabase, openDatabase, type Database } from '../contacts/db/open';
import { createContactService } from '../contacts/service';
import { createContactStore, type ContactStore } from '../contacts/store';
import { databasePath, userDataDir } from '../config/paths';
import { loadSettingsWithProblems } from '../settings/file';
import { localeRegion, parseRegion } from '../contacts/region';
import { parseCommandLine, UsageError } from './args';
import { EXIT, type VerbContext, type VerbOptions, type Writer } from './context';
import { VERBS } from './verbs';

export interface CliIo {
  stdout: Writer;
  stderr: Writer;
  env?: NodeJS.ProcessEnv;
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
}

function helpText(): string {
  const verbs = Object.entries(VERBS).map(([name, v]) => `  ${`${name} ${v.usage}`.padEnd(28)} ${v.summary}`);
  return [
    'usage: contacts [--db FILE] [--region CC] [--service NAME] [--json] VERB ...',
    '',
    'verbs:',
    ...verbs,
    '',
    'options:',
    '  --db FILE       the address book (default: the app\'s own, in its user-data folder)',
    '  --region CC     region for numbers written without a country code; `import` stores it with the',
    '                  source (default: the source\'s stored region, the app setting, the OS locale\'s country)',
    '  --service NAME  the service name contacts carry as `type` (default: the app setting)',
    '  --json          print JSON instead of tables',
    '',
  ].join('\n');
}

/**
 * Resolves the global options against the app's settings. The region: `--region` (validated, any
 * case), else the app setting, else the OS locale's country, else none (never a silent US); a
 * bad region in settings.json is reported through `warn` and ignored.
 */
function resolveOptions(parsed: ReturnType<typeof parseCommandLine>['options'], env: NodeJS.ProcessEnv, warn: (m: string) => void): VerbOptions {
  const dir = userDataDir({ env });
  const { settings, problems } = loadSettingsWithProblems(dir);
  const region = parsed.region === undefined ? undefined : parseRegion(parsed.region);
  if (region === null) throw new UsageError(`--region: unknown region ${JSON.stringify(parsed.region)} (a country code such as DE or US)`);
  for (const p of problems) if (p.key === 'region') warn(`settings.json: region ${p.message}; ignored`);
  return {
    db: parsed.db ?? databasePath(dir),
    region,
    defaultRegion: parseRegion(settings.region) ?? localeRegion(env) ?? undefined,
    service: parsed.service ?? settings.serviceName,
    json: parsed.json,
    showRemotePhotos: settings.showRemotePhotos,
    userDataDir: dir,
  };
}

/** Runs the CLI and returns its exit code. */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  const fail = (code: number, message: string): number => {
    io.stderr.write(`error: ${message.split('\n')[0]}\n`);
    return code;
  };
  let db: Database | undefined;
  try {
    const parsed = parseCommandLine(args);
    if (parsed.options.help || !parsed.verb || parsed.verb === 'help') {
      io.stdout.write(helpText());
      return parsed.verb || parsed.options.help ? EXIT.ok : EXIT.usage;
    }
    const verb = VERBS[parsed.verb];
    if (!verb || !Object.hasOwn(VERBS, parsed.verb)) return fail(EXIT.usage, `unknown verb ${JSON.stringify(parsed.verb)}; see --help`);
    const options = resolveOptions(parsed.options, io.env ?? process.env, (m) => io.stderr.write(`warning: ${m}\n`));
    let store: ContactStore | undefined;
    const openStore = (mode: { readonly?: boolean } = {}): ContactStore => {
      if (!store) {
        // A reading verb on a missing file answers from an empty book instead of creating one.
        if (mode.readonly && !existsSync(options.db)) db = openDatabase(':memory:');
        else db = openDatabase(options.db, { readonly: mode.readonly });
        store = createContactStore({ db });
      }
      return store;
    };
    const ctx: VerbContext = {
      argv: parsed.argv,
      options,
      openStore,
      database: (mode) => {
        openStore(mode);
        return db!;
      },
      service: (mode) =>
        createContactService({
          store: openStore(mode),
          serviceName: options.service,
          region: () => options.region ?? options.defaultRegion,
          showRemotePhotos: options.showRemotePhotos,
        }),
      stdout: io.stdout,
      stderr: io.stderr,
      stdin: io.stdin ?? process.stdin,
      env: io.env ?? process.env,
    };
    return await verb.run(ctx);
  } catch (error) {
    if (error instanceof UsageError) return fail(EXIT.usage, error.message);
    if (isDatabaseTooNewError(error)) return fail(EXIT.tooNew, error.message);
    if (isBusyError(error)) return fail(EXIT.failure, ANOTHER_IMPORT_RUNNING);
    const message = error instanceof Error ? error.message : String(error);
    // parseArgs reports bad options with a code; those are usage errors too.
    if ((error as { code?: string })?.code?.startsWith('ERR_PARSE_ARGS')) return fail(EXIT.usage, message);
    return fail(EXIT.failure, message);
  } finally {
    if (db) closeDatabase(db, (m) => io.stderr.write(`warning: ${m}\n`));
  }
}

/**
 * A reader that went away (`contacts list | head -1`) ends the CLI quietly: EPIPE is how a
 * pipe says "enough", not an error to print a stack trace for.
 */
export function endQuietlyOnEpipe(stream: NodeJS.WriteStream, exit: (code: number) => void): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') exit(0);
    else throw error;
  });
}

// Run when executed directly (tsx src/main/cli/main.ts), not when imported by tests, nor when
// bundled into the app (whose entry, src/main/index.ts, routes `contacts VERB ...` here).
if (!process.versions.electron && import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  endQuietlyOnEpipe(process.stdout, (code) => process.exit(code));
  runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then((code) => {
    process.exitCode = code;
  });
}
