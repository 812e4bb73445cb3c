/**
 * One byte-fed reader per format, so the importer's read loop does not care which it drives.
 * CSV is parsed as text (decoded here with the sniffed encoding); vCard is parsed as bytes by
 * its own reader, because folds split multi-byte sequences and 2.1 declares charsets per
 * property. UTF-16 vCards are the exception: their line structure only exists after decoding,
 * so they are transcoded to UTF-8 bytes first.
 */
import type { ImportEvent } from './events';
import { createTextDecoder } from './encoding';
import type { DetectedFormat } from './format';
import { createCsvReader } from './csv/reader';
import { createVcardReader } from './vcard/reader';

export interface ByteRecordReader {
  write(chunk: Buffer): ImportEvent[];
  end(): ImportEvent[];
}

/** Creates the reader for a detected format; the first chunk may start with a BOM. */
export function createByteReader(detected: DetectedFormat): ByteRecordReader {
  const { encoding } = detected.encoding;
  if (detected.format === 'csv') {
    const decoder = createTextDecoder(encoding);
    const csv = createCsvReader();
    return {
      write: (chunk) => csv.write(decoder.write(chunk)),
      end: () => [...csv.write(decoder.end()), ...csv.end()],
    };
  }
  if (encoding === 'utf16le' || encoding === 'utf16be') {
    const decoder = createTextDecoder(encoding);
    const vcard = createVcardReader({ fallbackCharset: 'utf8' });
    return {
      write: (chunk) => vcard.write(Buffer.from(decoder.write(chunk).replace(/^\uFEFF/, ''), 'utf8')),
      end: () => [...vcard.write(Buffer.from(decoder.end(), 'utf8')), ...vcard.end()],
    };
  }
  return createVcardReader({ fallbackCharset: encoding });
}
