/**
 * The contact window's view of a person made of several linked contacts: which source each
 * number and e-mail came from, and the list of linked contacts, each with an "Unlink" button
 * for a pair that is not the same person; and the contacts the user unlinked from it, each with
 * a "Link again" button to undo that.
 */
import type { ContactDetails, PersonDetails } from '../../shared/contact';
import type { ViewElement } from './dom';

type Make = (tag: string, className: string, text?: string) => ViewElement;

/** A card as main sends it; a plain ContactDetails reads as one part. */
export type Card = ContactDetails & Partial<Pick<PersonDetails, 'parts' | 'phoneParts' | 'emailParts' | 'apart'>>;

/** True when the card is made of more than one contact. */
export const isLinked = (card: Card): card is Card & PersonDetails => (card.parts?.length ?? 0) > 1;

/** The file name (or the last part of a book's URL) a source is known by. */
export function sourceName(source: ContactDetails['source']): string {
  if (!source) return 'unknown source';
  const parts = source.path.split(/[\\/]/).filter(Boolean);
  return parts[parts.length - 1] ?? source.path;
}

/** "from phone.vcf, google.csv": where a value of a linked card came from. */
export function valueSources(card: PersonDetails, partIds: readonly string[] | undefined): string {
  const names = (partIds ?? []).map((id) => sourceName(card.parts.find((p) => p.id === id)?.source ?? null));
  return `from ${[...new Set(names)].join(', ')}`;
}

type Part = PersonDetails['parts'][number];

/** One row per contact, with its source and (when `act` is given) one button acting on it. */
function partList(el: Make, parts: readonly Part[], button: { label: string; className: string; title: (part: Part) => string; act: ((id: string) => void) | undefined }): ViewElement {
  const list = el('ul', 'contact-list');
  for (const part of parts) {
    const item = el('li', 'contact-item');
    const source = part.source ? `${part.source.path} (${part.source.format})` : 'unknown source';
    item.append(el('span', 'contact-label', part.displayName), el('span', 'contact-source', source));
    const act = button.act;
    if (act) {
      const node = el('button', `contact-value action ${button.className}`, button.label);
      node.setAttribute('type', 'button');
      node.setAttribute('title', button.title(part));
      node.addEventListener('click', () => act(part.id));
      item.append(node);
    }
    list.append(item);
  }
  return list;
}

function titled(el: Make, title: string, body: ViewElement): ViewElement {
  const node = el('section', 'contact-section');
  node.append(el('h2', 'contact-section-title', title), body);
  return node;
}

/** The "Linked contacts" section: one row per part, with its source and an Unlink button. */
export function linkedSection(el: Make, card: PersonDetails, unlink: ((partId: string) => void) | undefined): ViewElement {
  return titled(
    el,
    'Linked contacts',
    partList(el, card.parts, {
      label: 'Unlink',
      className: 'unlink',
      title: (part) => `Not the same person: show ${part.displayName} from ${sourceName(part.source)} on its own`,
      act: unlink,
    }),
  );
}

/** The "Kept apart" section: the contacts the user unlinked from this one, each with "Link again". */
export function apartSection(el: Make, apart: readonly Part[], link: ((contactId: string) => void) | undefined): ViewElement {
  return titled(
    el,
    'Kept apart',
    partList(el, apart, {
      label: 'Link again',
      className: 'link-again',
      title: (part) => `Unlinked by mistake: link ${part.displayName} from ${sourceName(part.source)} with this contact again`,
      act: link,
    }),
  );
}
