/**
 * The command-line shell over the contact core:
 *
 *     npm run --silent contacts -- [--db FILE] [--region CC] [--service NAME] [--json] VERB ...
 *
 * Errors are one line on stderr and a non-zero exit code, never a stack trace.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ANOTHER_IMPORT_RUNNING, isBusyError, isDatabaseTooNewError } from '../contacts/db/errors';
import { closeDatabase, openDatabase, type Database } from '../contacts/db/open';
import { createContactService } from '../contacts/service';
import { createContactStore, type ContactStore } from '../contacts/store';
import { databasePath, userDataDir } from '../config/paths';
import { loadSettingsWithProblems } from '../settings/file';
import { openCliSecrets, type AppKeychain, type CliSecretStore } from '../secrets/cli-secrets';
import { localeRegion, parseRegion } from '../contacts/region';
import { parseCommandLine, UsageError } from './args';
import { EXIT, type VerbContext, type VerbOptions, type Writer } from './context';
import { createProgress } from './progress';
import { suggestions } from './suggest';
import { VERBS } from './verbs';

export interface CliIo {
  stdout: Writer;
  stderr: Writer;
  env?: NodeJS.ProcessEnv;
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
  /** Inside the installed app: Electron's safeStorage and readiness, so passwords go where the app keeps them. */
  keychain?: AppKeychain;
}

function helpText(): string {
  // A long usage gets its summary on the next line, so the summaries stay in one column.
  const verbs = Object.entries(VERBS).map(([name, v]) => {
    const usage = `${name} ${v.usage}`.trimEnd();
    return usage.length < 28 ? `  ${usage.padEnd(28)} ${v.summary}` : `  ${usage}\n  ${''.padEnd(28)} ${v.summary}`;
  });
  return [
    'usage: contacts [--db FILE] [--region CC] [--service NAME] [--json] [--verbose] VERB ...',
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
    '  -v, --verbose   list every skipped record, trimmed value and changed number in reports',
    '',
  ].join('\n');
}

/**
 * Resolves the global options against the app's settings. The region: `--region` (validated, any
 * case), else the app setting, else the OS locale's country, else none (never a silent US); a
 * bad region in settings.json is reported through `warn` and ignored.
 */
function resolveOptions(parsed: ReturnType<typeof parseCommandLine>['options'], io: CliIo, env: NodeJS.ProcessEnv, warn: (m: string) => void): VerbOptions {
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
    verbose: parsed.verbose,
    width: tableWidth(io.stdout, env),
    showRemotePhotos: settings.showRemotePhotos,
    userDataDir: dir,
  };
}

/**
 * The width tables fit: the terminal's, else `COLUMNS` when set (a script that wants a width),
 * else none: piped output keeps every cell whole for the program reading it.
 */
function tableWidth(stdout: Writer, env: NodeJS.ProcessEnv): number | undefined {
  if (stdout.isTTY && stdout.columns) return stdout.columns;
  const columns = Number(env.COLUMNS);
  return Number.isInteger(columns) && columns > 0 ? columns : undefined;
}

/** Why a folder could not be made, in words, for the errors mkdir gives on a user's machine. */
const MKDIR_ERRORS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOTDIR: 'part of that path is a file, not a folder',
  ENOSPC: 'no space left on the device',
  EEXIST: 'a file of that name is in the way',
};

/**
 * Creates the database's folder on first use (the app's data folder, or where `--db` points),
 * so a first `import` on a new machine works; a folder that cannot be made is named.
 */
function ensureDataFolder(db: string): void {
  const folder = dirname(db);
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    const why = MKDIR_ERRORS[code] ? `${MKDIR_ERRORS[code]}, ${code}` : code;
    throw new Error(`cannot create the data folder ${folder} (${why})`);
  }
}

/** Runs the CLI and returns its exit code. */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  const fail = (code: number, message: string): number => {
    progress?.clear();
    io.stderr.write(`error: ${message.split('\n')[0]}\n`);
    return code;
  };
  let db: Database | undefined;
  let progress: ReturnType<typeof createProgress> | undefined;
  try {
    const parsed = parseCommandLine(args);
    if (parsed.options.help || !parsed.verb || parsed.verb === 'help') {
      io.stdout.write(helpText());
      return parsed.verb || parsed.options.help ? EXIT.ok : EXIT.usage;
    }
    const verb = VERBS[parsed.verb];
    if (!verb || !Object.hasOwn(VERBS, parsed.verb)) {
      const near = suggestions(parsed.verb, Object.keys(VERBS));
      const hint = near.length ? `; did you mean ${near.slice(0, 3).map((v) => JSON.stringify(v)).join(' or ')}?` : '';
      return fail(EXIT.usage, `unknown verb ${JSON.stringify(parsed.verb)}${hint} (see --help)`);
    }
    const options = resolveOptions(parsed.options, io, io.env ?? process.env, (m) => io.stderr.write(`warning: ${m}\n`));
    let store: ContactStore | undefined;
    let secrets: Promise<CliSecretStore> | undefined;
    progress = createProgress(io.stderr);
    const openStore = (mode: { readonly?: boolean } = {}): ContactStore => {
      if (!store) {
        // A reading verb on a missing file answers from an empty book instead of creating one.
        if (mode.readonly && !existsSync(options.db)) db = openDatabase(':memory:');
        else {
          if (!mode.readonly) ensureDataFolder(options.db);
          db = openDatabase(options.db, { readonly: mode.readonly });
        }
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
      service: (mode = {}) =>
        createContactService({
          store: openStore(mode),
          serviceName: options.service,
          region: () => options.region ?? options.defaultRegion,
          showRemotePhotos: options.showRemotePhotos,
          searchLimit: mode.searchLimit,
          maxReplyBytes: mode.maxReplyBytes,
        }),
      progress,
      secrets: () => (secrets ??= openCliSecrets(options.userDataDir, io.env ?? process.env, io.keychain)),
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
    progress?.clear();
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
