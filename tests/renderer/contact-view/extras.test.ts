/**
 * The extra fields in the contact window, rendered into a fake DOM that can only hold text: an
 * address as lines, dates in the reader's language (a year-less birthday without a year), websites
 * as links that open through main, nickname, phonetic names, categories and ORG units.
 */
import { describe, expect, it, vi } from 'vitest';
import type { ViewDocument, ViewElement } from '../../../src/renderer/contact-view/dom';
import { addressLines, formatContactDate, phoneticLine } from '../../../src/renderer/contact-view/extras-format';
import { renderContact } from '../../../src/renderer/contact-view/render';
import { NO_EXTRAS, type ContactDetails } from '../../../src/shared/contact';

interface FakeElement extends ViewElement {
  tag: string;
  children: FakeElement[];
  attributes: Record<string, string>;
  clicks: Array<() => void>;
}
const doc = (): ViewDocument => ({
  title: '',
  createElement(tag: string): FakeElement {
    const el: FakeElement = {
      tag, textContent: null, className: '', children: [], attributes: {}, clicks: [],
      append: (...children) => el.children.push(...(children as FakeElement[])),
      setAttribute: (name, value) => (el.attributes[name] = value),
      addEventListener: (_type, listener) => el.clicks.push(listener),
    };
    return el;
  },
});
const all = (el: FakeElement): FakeElement[] => [el, ...el.children.flatMap(all)];
/** Each section's title with its rows as "label: value". */
const sections = (root: FakeElement): Record<string, string[]> =>
  Object.fromEntries(
    all(root)
      .filter((e) => e.tag === 'section')
      .map((s) => [s.children[0]!.textContent, all(s.children[1]!).filter((e) => e.tag === 'li').map((li) => li.children.map((c) => c.textContent).join(': ') || li.textContent!)]),
  );

const per: ContactDetails = {
  ...NO_EXTRAS,
  id: '3',
  displayName: 'Per Lindqvist',
  givenName: 'Per',
  familyName: 'Lindqvist',
  company: 'Nordlicht AB',
  jobTitle: 'Tekniker',
  notes: null,
  avatar: null,
  phones: [],
  emails: [],
  source: null,
  nickname: 'Pelle',
  phoneticGivenName: 'Pär',
  phoneticFamilyName: 'Lindkvist',
  organizationUnits: ['Telefoni', 'Support'],
  dates: [
    { kind: 'birthday', label: null, value: '--11-05' },
    { kind: 'anniversary', label: null, value: '2010-08-14' },
    { kind: 'other', label: 'started at Nordlicht', value: '2019-02-01' },
    { kind: 'other', label: null, value: 'circa 1970' },
  ],
  addresses: [
    { type: 'home', poBox: '', extended: 'Lgh 1102', street: 'Kungsgatan 12', locality: 'Göteborg', region: '', postalCode: '411 19', country: 'Sverige' },
    { type: 'work', poBox: '', extended: '', street: '1600 Amphitheatre Pkwy', locality: 'Mountain View', region: 'CA', postalCode: '94043', country: 'USA' },
    { type: 'Sommarstuga', poBox: '', extended: '', street: '', locality: '', region: '', postalCode: '', country: '', label: 'Box 7\n211 20 Malmö' },
  ],
  urls: [
    { type: 'homepage', url: 'https://nordlicht.example/per' },
    { type: null, url: 'www.example.se' },
    { type: 'Blogg', url: 'javascript:alert(1)' },
  ],
  categories: ['Kollegor', 'Fotboll, lördagar'],
};

describe('contact-view extra fields', () => {
  const openUrl = vi.fn();
  const root = renderContact(doc(), per, { dial: vi.fn(), email: vi.fn(), openUrl }, 'en-US') as FakeElement;

  it('shows the nickname, the phonetic name and the organisation with its units in the header', () => {
    const header = all(root).find((e) => e.tag === 'header')!;
    expect(header.children.slice(1).map((c) => c.textContent)).toEqual(['Per Lindqvist', '“Pelle”', 'Pär Lindkvist', 'Tekniker · Nordlicht AB, Telefoni, Support']);
  });

  it('shows each address as lines, the way the country writes them, or the printed form the file gave', () => {
    expect(sections(root).Address).toEqual([
      'Home: Kungsgatan 12\nLgh 1102\n411 19 Göteborg\nSverige',
      'Work: 1600 Amphitheatre Pkwy\nMountain View, CA 94043\nUSA',
      'Sommarstuga: Box 7\n211 20 Malmö',
    ]);
  });

  it('shows dates as dates in the reader\'s language, a birthday without a year without one', () => {
    expect(sections(root).Dates).toEqual(['Birthday: November 5', 'Anniversary: August 14, 2010', 'Started at Nordlicht: February 1, 2019', 'Date: circa 1970']);
    const german = renderContact(doc(), per, { dial: vi.fn(), email: vi.fn(), openUrl }, 'de-DE') as FakeElement;
    expect(sections(german).Dates!.slice(0, 2)).toEqual(['Birthday: 5. November', 'Anniversary: 14. August 2010']);
  });

  it('shows websites as links that open through main, a scheme-less one as http, and a javascript: one as text', () => {
    expect(sections(root).Web).toEqual(['Homepage: https://nordlicht.example/per', 'Website: www.example.se', 'Blogg: javascript:alert(1)']);
    const values = all(root).filter((e) => per.urls.some((u) => u.url === e.textContent));
    expect(values.map((v) => v.tag)).toEqual(['button', 'button', 'span']);
    values.forEach((v) => v.clicks.forEach((click) => click()));
    expect(openUrl.mock.calls).toEqual([['https://nordlicht.example/per'], ['http://www.example.se']]);
  });

  it('shows the categories', () => {
    expect(sections(root).Categories).toEqual(['Kollegor', 'Fotboll, lördagar']);
  });

  it('shows no section for fields the contact does not have', () => {
    const plain = renderContact(doc(), { ...per, ...NO_EXTRAS }, { dial: vi.fn(), email: vi.fn(), openUrl }, 'en-US') as FakeElement;
    expect(Object.keys(sections(plain))).toEqual([]);
    expect(all(plain).find((e) => e.tag === 'header')!.children.map((c) => c.textContent).slice(1)).toEqual(['Per Lindqvist', 'Tekniker · Nordlicht AB']);
  });
});

describe('contact-view/extras-format', () => {
  it.each([
    ['1980-03-21', 'en-US', 'March 21, 1980'],
    ['--04-12', 'en-US', 'April 12'],
    ['--02-29', 'en-US', 'February 29'],
    ['0800-01-01', 'en-US', 'January 1, 800'],
    ['2021-02-30', 'en-US', '2021-02-30'],
    ['1980-04', 'en-US', '1980-04'],
    ['1980-03-21', 'not a locale!', 'March 21, 1980'],
  ])('formatContactDate(%s, %s) → %s', (value, locale, shown) => {
    expect(formatContactDate(value, locale)).toBe(shown);
  });

  it('writes address lines only from what the file held', () => {
    const empty = { type: null, poBox: '', extended: '', street: '', locality: '', region: '', postalCode: '', country: '' };
    expect(addressLines({ ...empty, locality: 'Berlin' })).toEqual(['Berlin']);
    expect(addressLines({ ...empty, street: 'Main St 1', locality: 'Springfield', region: 'IL', postalCode: '62701' })).toEqual(['Main St 1', 'Springfield, IL 62701']);
    expect(addressLines({ ...empty, poBox: 'Postfach 12', postalCode: '10115', locality: 'Berlin', region: 'Berlin', country: 'Deutschland' })).toEqual(['Postfach 12', '10115 Berlin', 'Berlin', 'Deutschland']);
  });

  it('orders phonetic names as the name is read', () => {
    expect(phoneticLine('タロウ', 'ヤマダ')).toBe('ヤマダ タロウ');
    expect(phoneticLine('Pär', 'Lindkvist')).toBe('Pär Lindkvist');
    expect(phoneticLine(null, 'Lindkvist')).toBe('Lindkvist');
    expect(phoneticLine(null, null)).toBeNull();
  });
});
