/**
 * Writes real address-book files for the scenarios: vCard 3.0 and an Outlook-style CSV, the
 * two formats users import. Plain string building: the point is to hand the importer files
 * as exporters write them, not to test a vCard library.
 */
import { writeFileSync } from 'node:fs';

export interface Person {
  uid: string;
  given: string;
  family: string;
  org?: string;
  phones: Array<{ type: 'CELL' | 'WORK' | 'HOME'; number: string }>;
  email?: string;
}

const escapeText = (v: string): string => v.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/;/g, '\\;');

/** One vCard 3.0 per person, CRLF line ends, UTF-8. */
export function writeVcard(path: string, people: readonly Person[]): void {
  const cards = people.map((p) => [
    'BEGIN:VCARD',
    'VERSION:3.0',
    `UID:${p.uid}`,
    `N:${escapeText(p.family)};${escapeText(p.given)};;;`,
    `FN:${escapeText(`${p.given} ${p.family}`.trim())}`,
    ...(p.org ? [`ORG:${escapeText(p.org)}`] : []),
    ...p.phones.map((ph) => `TEL;TYPE=${ph.type},VOICE:${ph.number}`),
    ...(p.email ? [`EMAIL;TYPE=INTERNET:${p.email}`] : []),
    'END:VCARD',
  ].join('\r\n'));
  writeFileSync(path, `${cards.join('\r\n')}\r\n`, 'utf8');
}

const csvField = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** Outlook's English export columns (the subset we fill), UTF-8 with a BOM as Outlook writes it. */
export function writeOutlookCsv(path: string, people: readonly Person[]): void {
  const header = ['First Name', 'Last Name', 'Company', 'Business Phone', 'Home Phone', 'Mobile Phone', 'E-mail Address'];
  const rows = people.map((p) => {
    const phone = (type: Person['phones'][number]['type']): string => p.phones.find((ph) => ph.type === type)?.number ?? '';
    return [p.given, p.family, p.org ?? '', phone('WORK'), phone('HOME'), phone('CELL'), p.email ?? ''].map(csvField).join(',');
  });
  writeFileSync(path, `\uFEFF${[header.join(','), ...rows].join('\r\n')}\r\n`, 'utf8');
}

/** `count` people with distinct US numbers +1 650 55x xxxx, for the "many pages" load. */
export function manyPeople(count: number, prefix = 'bulk'): Person[] {
  return Array.from({ length: count }, (_, i) => ({
    uid: `${prefix}-${i}`,
    given: `Bulk${String(i).padStart(4, '0')}`,
    family: 'Person',
    phones: [{ type: 'CELL' as const, number: `+1 650 55${String(i).padStart(5, '0').slice(0, 1)} ${String(i).padStart(5, '0').slice(1)}` }],
  }));
}
