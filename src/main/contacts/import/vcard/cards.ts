/**
 * Logical lines → cards → events. BEGIN/END are case-insensitive; lines outside any card are
 * garbage and ignored. A BEGIN inside an open card opens a nested card (Android's v21_nest:
 * the outer card keeps the properties written after the inner END, and each card becomes its
 * own contact, inner cards first). A card still open at the end of the file was cut off: it is
 * skipped with its start line, because what it holds may be incomplete.
 */
import type { ImportEvent, ReadEvent } from '../events';
import { CardBuilder, type CardLimits } from './card-builder';
import type { LogicalLine } from './lines';
import { parseProperty } from './property';

export interface CardOptions extends CardLimits {
  fallbackCharset: string;
  /** BEGINs nested deeper than this are ignored: their properties go to the enclosing card. */
  maxNesting: number;
  /** Shown in the reason of an over-long line. */
  maxLineBytes: number;
  /**
   * Counts the properties no field keeps into this tally instead of the reader's own, and leaves
   * the notice to its owner: a CardDAV sync reads each card on its own and names them once per book.
   */
  unread?: UnreadProperties;
}

/** How many cards held each property no field keeps, and the report's notice naming them. */
export class UnreadProperties {
  private readonly counts = new Map<string, number>();

  note(names: Iterable<string>): void {
    for (const name of names) this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }

  /** The most frequent first; a long tail is counted, not listed. Null when every property was kept. */
  notice(): string | null {
    if (!this.counts.size) return null;
    const named = [...this.counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const shown = named.slice(0, 12).map(([name, n]) => `${name} (${n} ${n === 1 ? 'contact' : 'contacts'})`);
    const more = named.length > 12 ? ` and ${named.length - 12} more` : '';
    return `vCard properties not kept (no field holds them): ${shown.join(', ')}${more}`;
  }
}

const isVcardWord = (value: string): boolean => value.trim().toUpperCase() === 'VCARD';

export class CardAssembler {
  private readonly open: CardBuilder[] = [];
  /** BEGINs past `maxNesting`, whose ENDs must not close the card they sit in. */
  private ignoredBegins = 0;
  /** How many imported cards held each property no field keeps. */
  private readonly unread: UnreadProperties;
  /** The tally is this reader's own: its notice ends the events. */
  private readonly ownsUnread: boolean;

  constructor(private readonly options: CardOptions) {
    this.ownsUnread = !options.unread;
    this.unread = options.unread ?? new UnreadProperties();
  }

  /** Feeds one logical line, pushing the events it completes onto `events`. */
  line(l: LogicalLine, events: ImportEvent[]): void {
    const prop = parseProperty(l.text);
    const current = this.open[this.open.length - 1];
    if (!prop) return;
    if (prop.name === 'BEGIN' && isVcardWord(prop.value)) {
      if (this.open.length < this.options.maxNesting) {
        this.open.push(new CardBuilder(l.line, this.options.fallbackCharset, this.options));
      } else this.ignoredBegins++;
      return;
    }
    if (prop.name === 'END' && isVcardWord(prop.value)) {
      if (this.ignoredBegins > 0) {
        this.ignoredBegins--;
        return;
      }
      const card = this.open.pop();
      if (card) events.push(this.finish(card));
      return;
    }
    if (!current) return;
    if (l.truncated) {
      // An over-large PHOTO is simply not kept; any other over-long line loses its value.
      if (prop.name !== 'PHOTO') {
        events.push({
          kind: 'skip',
          line: l.line,
          reason: `${prop.name} value longer than ${Math.round(this.options.maxLineBytes / 1048576)} MB ignored`,
        });
      }
      return;
    }
    current.add(prop);
  }

  /** End of input: cards never closed are reported, not imported. */
  end(events: ImportEvent[]): void {
    while (this.open.length) {
      const card = this.open.pop() as CardBuilder;
      events.push({ kind: 'skip', line: card.contact.line, reason: 'vCard has no END:VCARD (file truncated?)', damaged: true });
    }
    const notice = this.ownsUnread ? this.unread.notice() : null;
    if (notice) events.push({ kind: 'notice', message: notice });
  }

  private finish(card: CardBuilder): ReadEvent {
    if (!card.isUsable()) {
      return { kind: 'skip', line: card.contact.line, reason: 'vCard has no name, phone number or email' };
    }
    const contact = card.finish();
    this.unread.note(card.unread);
    return card.trimmed.length ? { kind: 'contact', contact, trimmed: card.trimmed } : { kind: 'contact', contact };
  }
}
