/**
 * `ParsedContact` (what a file said) → `ContactRecord` (what the store writes): the display name
 * resolved, numbers normalised and typed, duplicates removed, the avatar capped, and the
 * identity key within the source chosen.
 */
import type { ContactExtras } from '../../../shared/contact';
import type { ContactRecord, ParsedContact, PhoneRecord } from '../model';
import { isEmptyExtras } from '../store/extras';
import { normalizePhone, phoneTypeFromLabels, type CountryCode } from '../phone';
import { capContact } from './caps';
import { fastE164 } from './fast-e164';

export interface RecordOptions {
  region?: CountryCode;
  /** Inline photos larger than this (decoded bytes) are dropped; default 256 KB. */
  avatarMaxBytes?: number;
  /** Told of every number stored without an E.164 form, and why (for the import report). */
  onKeptNumber?: (raw: string, reason: string) => void;
}

/** `trimmed`: what the per-record caps (caps.ts) cut or dropped, when anything. */
export type RecordResult = { ok: true; record: ContactRecord; trimmed?: string[] } | { ok: false; reason: string };

const DEFAULT_AVATAR_MAX = 256 * 1024;
const CJK = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\s]+$/u;

const clean = (s: string | undefined): string | null => {
  const t = s?.replace(/\s+/g, ' ').trim();
  return t ? t : null;
};

/** Western order "Prefix Given Middle Family Suffix"; CJK names family-first without spaces. */
export function nameFromParts(p: ParsedContact): string | null {
  const given = clean(p.givenName);
  const family = clean(p.familyName);
  if (given && family && CJK.test(given) && CJK.test(family)) return `${family}${given}`;
  const parts = [p.prefix, p.givenName, p.middleName, p.familyName, p.suffix].map(clean).filter((x) => x !== null);
  return parts.length ? parts.join(' ') : null;
}

function phonesOf(p: ParsedContact, { region, onKeptNumber }: RecordOptions): PhoneRecord[] {
  const seen = new Set<string>();
  const out: PhoneRecord[] = [];
  for (const phone of p.phones) {
    const raw = phone.value.trim();
    if (!raw || !/\d/.test(raw)) continue;
    const n = fastE164(raw) ?? normalizePhone(raw, region);
    // Same number written twice → one; placeholder text ("+49 PRIVAT") compares as text.
    const key = n.e164
      ? `${n.e164};${n.extension ?? ''}`
      : /^[\d\s()+\-./]*$/.test(raw) ? raw.replace(/\D/g, '') : raw.toLowerCase().replace(/\s+/g, '');
    if (seen.has(key)) continue;
    seen.add(key);
    if (n.keptBecause) onKeptNumber?.(n.raw, n.keptBecause);
    out.push({ raw: n.raw, e164: n.e164, extension: n.extension, type: phoneTypeFromLabels(phone.types, phone.label), label: clean(phone.label) });
  }
  return out;
}

function emailsOf(p: ParsedContact): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const e of p.emails) {
    const email = e.trim().replace(/^mailto:/i, '');
    if (!email || seen.has(email.toLowerCase())) continue;
    seen.add(email.toLowerCase());
    out.push(email);
  }
  return out;
}

function avatarOf(p: ParsedContact, maxBytes: number): string | null {
  const photo = p.photo;
  if (!photo) return null;
  if (photo.kind === 'url') {
    if (/^https?:\/\//i.test(photo.url)) return photo.url;
    return /^data:/i.test(photo.url) && (photo.url.length * 3) / 4 <= maxBytes ? photo.url : null;
  }
  const base64 = photo.base64.replace(/\s+/g, '');
  if (!base64 || (base64.length * 3) / 4 > maxBytes) return null;
  return `data:${photo.mime || 'application/octet-stream'};base64,${base64}`;
}

/** Nickname, phonetic names, units, dates, addresses, URLs and categories; undefined when none. */
function extrasOf(p: ParsedContact): ContactExtras | undefined {
  const extras: ContactExtras = {
    nickname: clean(p.nickname),
    phoneticGivenName: clean(p.phoneticGivenName),
    phoneticFamilyName: clean(p.phoneticFamilyName),
    organizationUnits: (p.organizationUnits ?? []).map(clean).filter((u) => u !== null),
    dates: p.dates ?? [],
    addresses: p.addresses ?? [],
    urls: p.urls ?? [],
    categories: p.categories ?? [],
  };
  return isEmptyExtras(extras) ? undefined : extras;
}

/**
 * Maps one parsed contact. The sourceKey is `uid:<UID>` when the file gives one. Otherwise it is
 * `name:<folded display name>`: the name is what a person keeps stable when they edit a contact
 * (numbers and emails are what they edit), so a re-import after an edit updates the contact in
 * place instead of deleting and re-adding it. The importer appends `#2`, `#3`... to repeats of
 * the same key within one file, so namesakes stay distinct contacts.
 */
export function toContactRecord(input: ParsedContact, options: RecordOptions = {}): RecordResult {
  const trimmed: string[] = [];
  const parsed = capContact(input, trimmed);
  const phones = phonesOf(parsed, options);
  const emails = emailsOf(parsed);
  const company = clean(parsed.organization);
  const displayName =
    clean(parsed.formattedName) ?? nameFromParts(parsed) ?? company ?? emails[0] ?? phones[0]?.raw ?? null;
  const hasName = clean(parsed.formattedName) !== null || nameFromParts(parsed) !== null || company !== null;
  if (!displayName || (!hasName && phones.length === 0 && emails.length === 0)) {
    return { ok: false, reason: 'no name, number or email' };
  }
  const uid = clean(parsed.uid);
  const record: ContactRecord = {
    sourceKey: uid ? `uid:${uid}` : `name:${displayName.normalize('NFKC').toLowerCase()}`,
    displayName,
    givenName: clean(parsed.givenName),
    familyName: clean(parsed.familyName),
    // A reader that gives the units apart (CSV) keeps them apart; a lone department joins the company.
    company: !parsed.organizationUnits && company && clean(parsed.department) ? `${company}, ${clean(parsed.department)}` : company,
    jobTitle: clean(parsed.title),
    notes: parsed.note?.trim() ? parsed.note.trim() : null,
    avatar: avatarOf(parsed, options.avatarMaxBytes ?? DEFAULT_AVATAR_MAX),
    phones,
    emails,
  };
  const extras = extrasOf(parsed);
  if (extras) record.extras = extras;
  return trimmed.length ? { ok: true, record, trimmed } : { ok: true, record };
}
