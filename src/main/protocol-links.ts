/**
 * `tel:`, `callto:` and `sms:` links: parsing into widget commands, and a queue that holds them
 * until the widget's dialer is ready (`rc-dialer-status-notify { ready: true }`): the widget
 * silently drops `rc-adapter-new-call` before that. Hand-written because no maintained library
 * parses these schemes (RFC 3966 / RFC 5724) and the subset we need is small.
 */
import type { WidgetCommand } from '../shared/api';

export const LINK_SCHEMES = ['tel', 'callto', 'sms'] as const;

type LinkCommand = Extract<WidgetCommand, { kind: 'new-call' } | { kind: 'new-sms' }>;

/** Visual separators RFC 3966 allows inside a number. */
const SEPARATORS = /[\s\-.()]/g;
/** What is left must be a dialable string: optional `+`, digits, `*` / `#` (RingCentral uses `*ext`). */
const DIALABLE = /^\+?[0-9*#]{2,32}$/;

/** Parses a link into a `new-call` / `new-sms` command, or null for anything malformed. */
export function parseProtocolLink(raw: unknown): LinkCommand | null {
  if (typeof raw !== 'string' || raw.length > 2048) return null;
  const match = /^(tel|callto|sms):(?:\/\/)?([^?#]*)(\?[^#]*)?$/i.exec(raw.trim());
  if (!match) return null;
  const scheme = match[1]!.toLowerCase();
  const target = match[2] ?? '';
  const query = match[3];
  // `sms:` may list several recipients; the widget starts one conversation, so take the first.
  const first = scheme === 'sms' ? (target.split(',')[0] ?? '') : target;
  const phoneNumber = normaliseNumber(first);
  if (!phoneNumber) return null;
  if (scheme !== 'sms') return query ? null : { kind: 'new-call', phoneNumber };
  const text = query ? new URLSearchParams(query.slice(1)).get('body') : null;
  return text ? { kind: 'new-sms', phoneNumber, text: text.slice(0, 1000) } : { kind: 'new-sms', phoneNumber };
}

function normaliseNumber(raw: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return null;
  }
  // RFC 3966 parameters: keep `;ext=`, as RingCentral's `*ext` dialing suffix; drop the rest.
  const [number = '', ...params] = decoded.split(';');
  const ext = params.map((p) => /^ext=([0-9]{1,10})$/i.exec(p)?.[1]).find((e) => e !== undefined);
  const compact = number.replace(SEPARATORS, '');
  if (!DIALABLE.test(compact)) return null;
  return ext ? `${compact}*${ext}` : compact;
}

/** The first `tel:` / `callto:` / `sms:` argument on a command line (Windows/Linux hand links over argv). */
export function findProtocolLink(argv: readonly string[]): string | null {
  return argv.find((arg) => /^(tel|callto|sms):/i.test(arg)) ?? null;
}

export interface LinkQueue {
  /** Queues a command, or sends it at once when the dialer is ready. */
  push(command: LinkCommand): void;
  /** Records the dialer state; on ready, sends everything queued, oldest first. */
  setReady(ready: boolean): void;
  pending(): number;
}

/** Holds link commands until the widget reports its dialer ready. */
export function createLinkQueue({ send }: { send: (command: LinkCommand) => void }): LinkQueue {
  const queue: LinkCommand[] = [];
  let ready = false;
  const flush = (): void => {
    while (ready && queue.length > 0) send(queue.shift()!);
  };
  return {
    push(command) {
      queue.push(command);
      flush();
    },
    setReady(value) {
      ready = value;
      flush();
    },
    pending: () => queue.length,
  };
}
