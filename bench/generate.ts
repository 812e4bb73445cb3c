/**
 * A deterministic generated address book for the benchmarks: realistic international names
 * (accented Latin, Cyrillic, Greek, CJK, Arabic, Hindi, Hebrew), about two numbers each across
 * several countries, emails and companies. The same seed always gives the same book.
 */
import type { PhoneType } from '../src/shared/contact';
import type { ContactRecord, PhoneRecord } from '../src/main/contacts/model';

/** mulberry32: tiny, fast and deterministic; Math.random cannot be seeded. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Culture {
  given: string[];
  family: string[];
  /** Family name first, no space (CJK). */
  familyFirst?: boolean;
  country: Country;
}
interface Country {
  cc: string;
  /** Length of the national significant number. */
  digits: number;
  /** Leading digits that make the number plausible. */
  lead: string[];
  format: (national: string) => string;
}

const group = (s: string, sizes: number[], sep = ' '): string => {
  const parts: string[] = [];
  let i = 0;
  for (const n of sizes) parts.push(s.slice(i, (i += n)));
  if (i < s.length) parts.push(s.slice(i));
  return parts.filter(Boolean).join(sep);
};

const COUNTRIES: Record<string, Country> = {
  US: { cc: '1', digits: 10, lead: ['650', '212', '415', '312', '617'], format: (n) => `(${n.slice(0, 3)}) ${n.slice(3, 6)}-${n.slice(6)}` },
  GB: { cc: '44', digits: 10, lead: ['20', '7700', '161'], format: (n) => `0${group(n, [4, 6])}` },
  DE: { cc: '49', digits: 11, lead: ['30', '89', '151', '171'], format: (n) => `+49 ${group(n, [3, 8])}` },
  FR: { cc: '33', digits: 9, lead: ['1', '6', '7', '4'], format: (n) => `0${group(n, [1, 2, 2, 2, 2])}` },
  ES: { cc: '34', digits: 9, lead: ['91', '6'], format: (n) => `+34 ${group(n, [3, 3, 3])}` },
  RU: { cc: '7', digits: 10, lead: ['495', '916'], format: (n) => `+7 (${n.slice(0, 3)}) ${group(n.slice(3), [3, 2, 2], '-')}` },
  GR: { cc: '30', digits: 10, lead: ['21', '69'], format: (n) => `+30 ${group(n, [3, 3, 4])}` },
  JP: { cc: '81', digits: 10, lead: ['3', '90', '6'], format: (n) => `0${group(n, [2, 4, 4], '-')}` },
  CN: { cc: '86', digits: 11, lead: ['138', '139', '10'], format: (n) => `+86 ${group(n, [3, 4, 4])}` },
  IN: { cc: '91', digits: 10, lead: ['98', '99', '22'], format: (n) => `+91 ${group(n, [5, 5])}` },
  EG: { cc: '20', digits: 10, lead: ['10', '12'], format: (n) => `+20 ${group(n, [2, 4, 4])}` },
  IL: { cc: '972', digits: 9, lead: ['5', '3'], format: (n) => `+972-${group(n, [2, 3, 4], '-')}` },
};

const CULTURES: Culture[] = [
  { country: COUNTRIES.US!, given: ['James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth', 'Chloé', 'Zoë'], family: ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodríguez', 'Martínez', "O'Brien"] },
  { country: COUNTRIES.GB!, given: ['Oliver', 'Amelia', 'George', 'Isla', 'Harry', 'Ava', 'Siân', 'Eóin'], family: ['Taylor', 'Wilson', 'Evans', 'Thomas', 'Roberts', 'Walker', 'Wright', 'Hughes'] },
  { country: COUNTRIES.DE!, given: ['Jürgen', 'Lukas', 'Sophie', 'Müller', 'Björn', 'Käthe', 'Leon', 'Hannah'], family: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weiß', 'Größer', 'Becker', 'Schäfer'] },
  { country: COUNTRIES.FR!, given: ['Élodie', 'François', 'Hélène', 'Jérôme', 'Anaïs', 'Gaëlle', 'Loïc', 'Cécile'], family: ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Lefèvre', 'Girard', 'Bonnét', 'Rousseau'] },
  { country: COUNTRIES.ES!, given: ['José', 'María', 'Ángel', 'Lucía', 'Sofía', 'Iñaki', 'Nuñez'], family: ['García', 'Fernández', 'González', 'López', 'Martín', 'Sánchez', 'Peña'] },
  { country: COUNTRIES.RU!, given: ['Александр', 'Мария', 'Дмитрий', 'Анна', 'Сергей', 'Ольга', 'Иван', 'Татьяна'], family: ['Иванов', 'Смирнова', 'Кузнецов', 'Попова', 'Соколов', 'Лебедева', 'Волков'] },
  { country: COUNTRIES.GR!, given: ['Γιώργος', 'Μαρία', 'Νίκος', 'Ελένη', 'Δημήτρης', 'Άννα', 'Κώστας'], family: ['Παπαδόπουλος', 'Νικολάου', 'Γεωργίου', 'Οικονόμου', 'Καραγιάννης'] },
  { country: COUNTRIES.JP!, familyFirst: true, given: ['太郎', '花子', '翔', '美咲', '健', 'さくら', '大輔'], family: ['佐藤', '鈴木', '高橋', '田中', '渡辺', '伊藤', '山本'] },
  { country: COUNTRIES.CN!, familyFirst: true, given: ['伟', '芳', '娜', '秀英', '敏', '静', '强'], family: ['王', '李', '张', '刘', '陈', '杨', '黄'] },
  { country: COUNTRIES.IN!, given: ['Aarav', 'Priya', 'राहुल', 'Ananya', 'Vikram', 'दीपिका', 'Arjun'], family: ['Sharma', 'Patel', 'सिंह', 'Gupta', 'Iyer', 'Reddy', 'Nair'] },
  { country: COUNTRIES.EG!, given: ['محمد', 'فاطمة', 'أحمد', 'مريم', 'Omar', 'Layla', 'يوسف'], family: ['حسن', 'علي', 'إبراهيم', 'El-Sayed', 'Mahmoud', 'عبد الله'] },
  { country: COUNTRIES.IL!, given: ['נועה', 'David', 'מיכל', 'Yael', 'אורי'], family: ['כהן', 'Levi', 'מזרחי', 'Friedman', 'פרץ'] },
];

const COMPANIES = ['Acme Corp', 'Globex', 'Initech', 'Umbrella GmbH', 'Société Générale', 'Müller & Söhne', 'Стройтех', '株式会社サクラ', 'Tata Consulting', 'Wayne Enterprises', 'Ελληνικά Λιμάνια', 'Nile Logistics'];
const TITLES = ['Engineer', 'Manager', 'Directeur', 'Sales', 'Accountant', 'Consultant'];
const TYPES: PhoneType[] = ['mobile', 'business', 'home', 'mobile', 'business', 'fax', 'other'];
const ascii = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z]/g, '');

/** The generated book: `count` contacts, deterministic for a given seed. */
export function* generateBook(count: number, seed = 42): IterableIterator<ContactRecord> {
  const random = createRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const digits = (n: number): string => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
  const number = (country: Country, type: PhoneType): PhoneRecord => {
    const lead = pick(country.lead);
    const national = lead + digits(country.digits - lead.length);
    const hasExt = random() < 0.03;
    const ext = hasExt ? String(100 + Math.floor(random() * 900)) : null;
    const raw = country.format(national) + (ext ? ` x${ext}` : '');
    return { raw, e164: `+${country.cc}${national}`, extension: ext, type, label: null };
  };
  for (let i = 0; i < count; i++) {
    const culture = pick(CULTURES);
    const given = pick(culture.given);
    const family = pick(culture.family);
    const displayName = culture.familyFirst ? `${family}${given}` : `${given} ${family}`;
    const phoneCount = random() < 0.15 ? 1 : random() < 0.85 ? 2 : 3;
    const phones = Array.from({ length: phoneCount }, (_, k) =>
      number(k === 0 || random() < 0.6 ? culture.country : pick(Object.values(COUNTRIES)), pick(TYPES)),
    );
    const company = random() < 0.6 ? pick(COMPANIES) : null;
    const local = ascii(given) || `user${i}`;
    const domain = company ? `${ascii(company) || 'corp'}.example` : 'mail.example';
    yield {
      sourceKey: `gen-${seed}-${i}`,
      displayName,
      givenName: given,
      familyName: family,
      company,
      jobTitle: company ? pick(TITLES) : null,
      notes: null,
      avatar: null,
      phones,
      emails: random() < 0.8 ? [`${local}.${ascii(family) || i}${i}@${domain}`] : [],
    };
  }
}
