/**
 * The contact window's view of a person made of several linked contacts: which source each
 * number and e-mail came from, and the list of linked contacts, each with an "Unlink" button
 * for a pair that is not the same person.
 */
import type { ContactDetails, PersonDetails } from '../../shared/contact';
import type { ViewElement } from './dom';

type Make = (tag: string, className: string, text?: string) => ViewElement;

/** A card as main sends it; a plain ContactDetails reads as one part. */
export type Card = ContactDetails & Partial<Pick<PersonDetails, 'parts' | 'phoneParts' | 'emailParts'>>;

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

/** The "Linked contacts" section: one row per part, with its source and an Unlink button. */
export function linkedSection(el: Make, card: PersonDetails, unlink: ((partId: string) => void) | undefined): ViewElement {
  const list = el('ul', 'contact-list');
  for (const part of card.parts) {
    const item = el('li', 'contact-item');
    const source = part.source ? `${part.source.path} (${part.source.format})` : 'unknown source';
    item.append(el('span', 'contact-label', part.displayName), el('span', 'contact-source', source));
    if (unlink) {
      const button = el('button', 'contact-value action unlink', 'Unlink');
      button.setAttribute('type', 'button');
      button.setAttribute('title', `Not the same person: show ${part.displayName} from ${sourceName(part.source)} on its own`);
      button.addEventListener('click', () => unlink(part.id));
      item.append(button);
    }
    list.append(item);
  }
  const node = el('section', 'contact-section');
  node.append(el('h2', 'contact-section-title', 'Linked contacts'), list);
  return node;
}
