/** Test helper: runs a fixture through format detection, decoding and the record readers. */
import { readFileSync } from 'node:fs';
import { createByteReader } from '../../../../../src/main/contacts/import/byte-reader';
import type { ImportEvent } from '../../../../../src/main/contacts/import/events';
import { detectFormat } from '../../../../../src/main/contacts/import/format';
import type { ParsedContact } from '../../../../../src/main/contacts/model';

export const fixturePath = (name: string): string => new URL(`../../../../fixtures/csv/${name}`, import.meta.url).pathname;

/** All events of a file read in chunks of `chunk` bytes (small chunks split characters). */
export function readEvents(path: string, chunk = 7): ImportEvent[] {
  const bytes = readFileSync(path);
  const detected = detectFormat(bytes.subarray(0, 65536), path);
  if (!detected.ok) throw new Error(detected.error.message);
  const reader = createByteReader(detected.value);
  const events: ImportEvent[] = [];
  for (let i = 0; i < bytes.length; i += chunk) events.push(...reader.write(bytes.subarray(i, i + chunk)));
  events.push(...reader.end());
  return events;
}

export function readContacts(path: string, chunk = 7): ParsedContact[] {
  return readEvents(path, chunk).flatMap((e) => (e.kind === 'contact' ? [e.contact] : []));
}
