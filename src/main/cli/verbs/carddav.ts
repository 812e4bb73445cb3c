/**
 * `carddav add URL --user NAME [--password-stdin] [--book NAME]...`: finds the account's
 * address books (from a server URL or a bare host) and adds the named ones, or every one
 * found, as `carddav` sources; `sync` then fetches their contacts with the files'.
 * The password is asked for on the terminal (not echoed), or read from stdin with
 * `--password-stdin`; never from the command line, where other users and the shell history
 * would see it. It is kept where the app keeps its own when the CLI runs inside the installed
 * app, else in the CLI's 0600 file; `carddav add` says which (src/main/secrets/cli-secrets.ts).
 *
 * `carddav list`: the accounts and their books, with each book's last sync or failure.
 * `carddav remove ACCOUNT`: forgets an account (its id in `list`): its books' contacts become
 * tombstones, its password is deleted.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createCardDav, describeError, memorySecrets, type CardDav, type Secrets } from '../../contacts/carddav';
import { EXIT, type Verb, type VerbContext } from '../context';
import { formatTable, localTime } from '../format';
import { regionOf } from './import';

const USAGE = 'carddav add URL --user NAME [--password-stdin] [--book NAME]... | carddav list | carddav remove ACCOUNT';

/**
 * The CardDAV functions over the CLI's store. Listing needs no password: without `secrets`
 * (from `ctx.secrets()`, which inside the app waits for it to be ready) none is reachable.
 */
export function cliCardDav(ctx: VerbContext, mode: { readonly?: boolean } = {}, secrets: Secrets = memorySecrets()): CardDav {
  return createCardDav({
    // The store's own connection: CardDAV's tables and its staging live in the same file.
    db: ctx.database(mode),
    store: ctx.openStore(mode),
    secrets,
    region: regionOf(ctx),
  });
}

/** Everything on stdin, without the one line end a pipe or `echo` adds. */
async function readStdin(stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/** Asks on the terminal without echoing what is typed. */
function prompt(ctx: VerbContext, question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: ctx.stdin, output: process.stderr, terminal: true });
    ctx.stderr.write(question);
    // readline echoes every key through _writeToOutput; muting it hides the password.
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => {};
    rl.question('', (answer) => {
      rl.close();
      ctx.stderr.write('\n');
      resolve(answer);
    });
  });
}

async function add(ctx: VerbContext, argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { user: { type: 'string' }, 'password-stdin': { type: 'boolean' }, book: { type: 'string', multiple: true }, password: { type: 'string' } },
      allowPositionals: true,
    });
  } catch (error) {
    ctx.stderr.write(`error: ${(error as Error).message.split('\n')[0]}; usage: ${USAGE}\n`);
    return EXIT.usage;
  }
  const { values, positionals } = parsed;
  if (values.password !== undefined) {
    ctx.stderr.write('error: a password is never taken on the command line; use --password-stdin or type it when asked\n');
    return EXIT.usage;
  }
  if (positionals.length !== 1 || !values.user) {
    ctx.stderr.write(`error: usage: ${USAGE}\n`);
    return EXIT.usage;
  }
  const server = positionals[0]!;
  let password: string;
  if (values['password-stdin']) password = await readStdin(ctx.stdin);
  else if (ctx.stdin.isTTY) password = await prompt(ctx, `Password for ${values.user} at ${server}: `);
  else {
    ctx.stderr.write('error: no terminal to ask for the password on; pipe it in with --password-stdin\n');
    return EXIT.usage;
  }
  if (!password) {
    ctx.stderr.write('error: empty password\n');
    return EXIT.usage;
  }
  const store = await ctx.secrets();
  const dav = cliCardDav(ctx, {}, store.secrets);
  let added;
  try {
    added = await dav.addAccount({ server, username: values.user, password, books: values.book });
  } catch (error) {
    ctx.stderr.write(`error: ${describeError(error)}\n`);
    return EXIT.failure;
  }
  if (ctx.options.json) {
    ctx.stdout.write(`${JSON.stringify(added, null, 2)}\n`);
    ctx.stderr.write(`note: ${store.notice}\n`);
    return EXIT.ok;
  }
  for (const b of added.books) ctx.stdout.write(`added ${JSON.stringify(b.displayName)}: ${b.path}\n`);
  ctx.stdout.write(`${store.notice}\n`);
  ctx.stdout.write(`${added.books.length} address book${added.books.length === 1 ? '' : 's'} added; \`sync\` fetches their contacts\n`);
  return EXIT.ok;
}

function list(ctx: VerbContext): number {
  const dav = cliCardDav(ctx, { readonly: true });
  const accounts = dav.listAccounts();
  const books = dav.listBooks();
  if (ctx.options.json) {
    ctx.stdout.write(`${JSON.stringify(accounts.map((a) => ({ ...a, books: books.filter((b) => b.accountId === a.id) })), null, 2)}\n`);
    return EXIT.ok;
  }
  const rows = books.map((b) => {
    const account = accounts.find((a) => a.id === b.accountId)!;
    return [String(account.id), `${account.username}@${new URL(account.serverUrl).host}`, b.displayName, String(b.contactCount), localTime(b.lastSyncedAt), b.lastError ?? ''];
  });
  ctx.stdout.write(formatTable(['ACCOUNT', 'LOGIN', 'BOOK', 'CONTACTS', 'LAST SYNCED', 'LAST ERROR'], rows, { maxWidth: ctx.options.width }) + `${books.length} address books\n`);
  return EXIT.ok;
}

async function remove(ctx: VerbContext, id: string): Promise<number> {
  if (!/^\d+$/.test(id)) {
    ctx.stderr.write(`error: usage: ${USAGE}\n`);
    return EXIT.usage;
  }
  try {
    const removed = await cliCardDav(ctx, {}, (await ctx.secrets()).secrets).removeAccount(Number(id));
    if (ctx.options.json) ctx.stdout.write(`${JSON.stringify(removed, null, 2)}\n`);
    else ctx.stdout.write(`account ${id} removed; ${removed.deleted} contacts deleted\n`);
    return EXIT.ok;
  } catch (error) {
    ctx.stderr.write(`error: ${describeError(error)}\n`);
    return EXIT.failure;
  }
}

export const carddavVerb: Verb = {
  summary: 'add CardDAV address books (Nextcloud, iCloud, Fastmail, Radicale, …) as sources',
  usage: 'add URL --user NAME [--password-stdin] [--book NAME]... | list | remove ACCOUNT',
  run(ctx) {
    const [sub, ...rest] = ctx.argv;
    if (sub === 'add') return add(ctx, rest);
    if (sub === 'list' && rest.length === 0) return list(ctx);
    if (sub === 'remove' && rest.length === 1) return remove(ctx, rest[0]!);
    ctx.stderr.write(`error: usage: ${USAGE}\n`);
    return EXIT.usage;
  },
};
