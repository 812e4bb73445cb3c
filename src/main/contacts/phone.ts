/**
 * Phone numbers: normalisation to E.164 with libphonenumber-js, and type labels mapped to the
 * widget's vocabulary. Nothing here ever drops a number: what cannot be parsed keeps its raw
 * text and a digits-only match key, so it stays searchable and matchable.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import type { PhoneType } from '../../shared/contact';

export type { CountryCode };

export interface NormalizedPhone {
  raw: string;
  /** E.164 without the extension, or null when the number cannot be parsed as possible. */
  e164: string | null;
  extension: string | null;
}

/** `x123`, `ext. 123`, `ext 123`, `extension 123`, `#123` at the end, and RFC 3966 `;ext=123`. */
const EXTENSION_PATTERN = /(?:;ext=|\s*(?:e?xt(?:ension)?\.?|x|#)\s*)(\d{1,10})\s*$/i;

/** Strips the `tel:` scheme and RFC 3966 parameters other than `ext` (vCard 4.0 `VALUE=uri`). */
function stripTelUri(text: string): string {
  if (!/^tel:/i.test(text)) return text;
  const [number = '', ...params] = text.slice(4).split(';');
  const ext = params.find((p) => /^ext=/i.test(p));
  return ext ? `${number};${ext}` : number;
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
  if (/\d/.test(international) && /^[\s\d()+\-./]*$/.test(international)) {
    const parsed = parsePhoneNumberFromString(international, region ? { defaultCountry: region } : undefined);
    if (parsed && parsed.isPossible()) {
      return { raw, e164: parsed.number, extension: extension ?? parsed.ext ?? null };
    }
  }
  return { raw, e164: null, extension };
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
