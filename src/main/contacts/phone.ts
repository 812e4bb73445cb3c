/**
 * Phone numbers: normalisation to E.164 with libphonenumber-js, and type labels mapped to the
 * widget's vocabulary. Nothing here ever drops a number: what cannot be parsed keeps its raw
 * text and a digits-only match key, so it stays searchable and matchable.
 *
 * A number gets an E.164 form only when the text itself carries the country code (`+`, `00`) or
 * when it is *valid* in the region that applies: `isPossible` only checks lengths, so with
 * region US it turned the Swedish `08-555 123 45` into `+10855512345`, and the contact window
 * dialled that. Validity needs the full metadata set (`libphonenumber-js/max`); the per-number
 * cost is measured in bench/import.ts (`phone_national_valid_us`).
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import type { PhoneType } from '../../shared/contact';

export type { CountryCode };

export interface NormalizedPhone {
  raw: string;
  /** E.164 without the extension, or null when the number is kept as written. */
  e164: string | null;
  extension: string | null;
  /** Why there is no E.164 form (the import report counts these); absent when there is one. */
  keptBecause?: string;
}

/** At most this many digits written without a country code: an extension or internal line. */
const SHORT_DIGITS = 6;

/** The reasons a number is kept as written, as the import report prints them. */
export const KEPT = {
  notANumber: 'not a phone number (letters or symbols)',
  short: 'short number (extension or internal line)',
  noRegion: 'no country code and no region',
  notPossible: 'not a possible number for its country code',
  notValid: (region: CountryCode): string => `not a valid ${region} number`,
} as const;

/** `x123`, `ext. 123`, `ext 123`, `extension 123`, `#123` at the end, and RFC 3966 `;ext=123`. */
const EXTENSION_PATTERN = /(?:;ext=|\s*(?:e?xt(?:ension)?\.?|x|#)\s*)(\d{1,10})\s*$/i;

/** Strips the `tel:` scheme and RFC 3966 parameters other than `ext` (vCard 4.0 `VALUE=uri`). */
function stripTelUri(text: string): string {
  if (!/^tel:/i.test(text)) return text;
  const [number = '', ...params] = text.slice(4).split(';');
  const ext = params.find((p) => /^ext=/i.test(p));
  return ext ? `${number};${ext}` : number;
}

/**
 * True when the region writes this number with a trunk prefix its text lacks: libphonenumber
 * accepts `212 5550123` in DE as Solingen's `0212 5550123`, but written without the 0 it is a
 * local number of some other town. Compared with the region's own national format, so regions
 * whose numbers have no trunk prefix (US, CN mobiles) are unaffected.
 */
function lacksTrunkPrefix(text: string, national: string): boolean {
  const written = text.replace(/\D/g, '');
  const full = national.replace(/\D/g, '');
  return full.length > written.length && full.endsWith(written);
}

/** Normalises one number as stored in a file or sent by the widget. */
export function normalizePhone(input: string, region?: CountryCode): NormalizedPhone {
  const raw = input.trim();
  const text = stripTelUri(raw);
  const extMatch = EXTENSION_PATTERN.exec(text);
  const extension = extMatch?.[1] ?? null;
  const main = extMatch ? text.slice(0, extMatch.index) : text;
  // "00" is the international prefix almost everywhere; libphonenumber only knows it when
  // the default region uses it, so rewrite it for numbers written without a region.
  const international = main.replace(/^\s*00(?=[1-9])/, '+');
  const kept = (why: string): NormalizedPhone => ({ raw, e164: null, extension, keptBecause: why });
  if (!/\d/.test(international) || !/^[\s\d()+\-./]*$/.test(international)) return kept(KEPT.notANumber);
  const withCode = international.trimStart().startsWith('+');
  if (!withCode && international.replace(/\D/g, '').length <= SHORT_DIGITS) return kept(KEPT.short);
  if (!withCode && !region) return kept(KEPT.noRegion);
  const parsed = parsePhoneNumberFromString(international, region ? { defaultCountry: region } : undefined);
  // Written with its country code, the number is what the file says even when libphonenumber
  // does not know the range (new ranges appear faster than metadata); without one, the code
  // comes from the region, so the number must be one that region really has.
  if (withCode) {
    return parsed && parsed.isPossible() ? { raw, e164: parsed.number, extension: extension ?? parsed.ext ?? null } : kept(KEPT.notPossible);
  }
  if (parsed && parsed.isValid() && !lacksTrunkPrefix(international, parsed.formatNational())) {
    return { raw, e164: parsed.number, extension: extension ?? parsed.ext ?? null };
  }
  return kept(KEPT.notValid(region!));
}

/**
 * The string a stored number and a widget query are compared by: the E.164 form when there is
 * one, otherwise the digits (with a leading `+` kept), so unparseable numbers still match.
 */
export function matchKey(phone: NormalizedPhone): string {
  if (phone.e164) return phone.e164;
  const main = phone.extension ? phone.raw.replace(EXTENSION_PATTERN, '') : phone.raw;
  const digits = main.replace(/\D/g, '');
  return /^\s*\+/.test(main) ? `+${digits}` : digits;
}

/** Digits only: what a digits search (`6505550` finds `+1 650-555-0123`) looks in. */
export function phoneDigits(raw: string): string {
  return raw.replace(/\D/g, '');
}

const strip = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();

/** Ordered: the first rule that fits wins, so "Work Fax" is a fax and "Mobile Work" a mobile. */
const TYPE_RULES: Array<[RegExp, PhoneType]> = [
  [/fax|telecopie/, 'fax'],
  [/cell|mobil|handy|iphone|portable|cellulaire/, 'mobile'],
  [/pager|beeper|bip/, 'other'],
  [/\bext\b|extension|durchwahl/, 'extension'],
  [/direct/, 'direct'],
  [/main|company|zentrale|standard|entreprise|firma/, 'company'],
  [/work|business|office|geschaft|buro|bureau|dienst|travail|pref_work/, 'business'],
  [/home|privat|domicile|maison|personal/, 'home'],
  [/other|autre|weitere|sonstige|assistant|callback|car|isdn|radio|telex|tty|textphone|video|msg|bbs|modem|pcs/, 'other'],
];

/**
 * Maps a number's type tokens and label (vCard `TYPE=`, 2.1 bare params, Apple `X-ABLabel`
 * such as `_$!<Mobile>!$_`, CSV column names in English, German and French) to the widget's
 * phone type. A number with no recognisable type is a plain `phone`.
 */
export function phoneTypeFromLabels(types: readonly string[], label?: string): PhoneType {
  const words = [...types, label ?? ''].map(strip).join(' ');
  for (const [pattern, type] of TYPE_RULES) if (pattern.test(words)) return type;
  return 'phone';
}
