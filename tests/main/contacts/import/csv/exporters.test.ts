/**
 * One fixture per exporter and language of the header table (tests/fixtures/csv/exporters and the
 * older fixtures beside it), imported into a real SQLite store: what the store then holds is what a
 * person reading the file expects, extras included, and the report lists what was not read.
 */
import { describe, expect, it } from 'vitest';
import type { ContactDetails } from '../../../../../src/shared/contact';
import { load as loadInto, useStore } from './store-loader';

const { store } = useStore();
const load = (file: string) => loadInto(store(), file);
const numbers = (c: ContactDetails | undefined) => c?.phones.map((p) => [p.raw, p.type]);

describe('CSV exporters of the header table', () => {
  it('Outlook (Spanish)', () => {
    const { contacts: [c], report } = load('exporters/outlook-es.csv');
    expect(c).toMatchObject({ displayName: 'Sr. Javier García López', company: 'Telefónica Ejemplo', jobTitle: 'Director', notes: 'Cliente', emails: ['javier@ejemplo.es', 'jgarcia@casa.es'], organizationUnits: ['Ventas'] });
    expect(numbers(c)).toEqual([['+34 912 345 678', 'business'], ['+34 912 345 679', 'fax'], ['+34 612 345 678', 'mobile']]);
    expect(c?.addresses).toEqual([{ type: 'work', poBox: '', extended: '', street: 'Calle Mayor 1', locality: 'Madrid', region: '', postalCode: '28013', country: 'España' }]);
    expect(c?.dates).toEqual([{ kind: 'birthday', label: null, value: '1975-05-17' }]);
    expect(c?.urls).toEqual([{ type: null, url: 'https://ejemplo.es' }]);
    expect(report.ignoredColumns).toEqual([]);
  });

  it('Outlook (Italian)', () => {
    const { contacts: [c] } = load('exporters/outlook-it.csv');
    expect(c).toMatchObject({ displayName: 'Dott. Giulia Rossi', givenName: 'Giulia', familyName: 'Rossi', company: 'Esempio S.p.A.', jobTitle: 'Responsabile', emails: ['giulia@esempio.it', 'giulia@casa.it'], organizationUnits: ['Acquisti'] });
    expect(numbers(c)).toEqual([['+39 02 1234 5678', 'business'], ['+39 02 1234 5679', 'fax'], ['+39 347 123 4567', 'mobile']]);
    expect(c?.addresses[0]).toMatchObject({ type: 'work', street: 'Via Roma 10', locality: 'Milano', postalCode: '20121' });
    expect(c?.dates).toEqual([{ kind: 'birthday', label: null, value: '1980-04-03' }]);
  });

  it('Outlook (Dutch)', () => {
    const { contacts: [c] } = load('exporters/outlook-nl.csv');
    expect(c).toMatchObject({ displayName: 'Dhr. Pieter van Dijk', company: 'Voorbeeld B.V.', jobTitle: 'Inkoper', nickname: 'Piet', emails: ['pieter@voorbeeld.nl', 'pieter@thuis.nl'] });
    expect(numbers(c)).toEqual([['+31 20 123 4567', 'business'], ['+31 20 123 4568', 'fax'], ['+31 10 765 4321', 'home'], ['+31 6 12345678', 'mobile']]);
    expect(c?.dates).toEqual([{ kind: 'birthday', label: null, value: '1970-01-31' }]);
  });

  it('Outlook (Portuguese): Apelido next to the given names is the family name', () => {
    const { contacts: [c] } = load('exporters/outlook-pt.csv');
    expect(c).toMatchObject({ displayName: 'Sr. João Pedro Silva', familyName: 'Silva', company: 'Exemplo Lda', jobTitle: 'Gerente', nickname: null, emails: ['joao@exemplo.pt'] });
    expect(numbers(c)).toEqual([['+351 21 123 4567', 'business'], ['+351 21 123 4568', 'fax'], ['+351 912 345 678', 'mobile']]);
  });

  it('Apple Contacts (English), phonetic names and a homepage', () => {
    const { contacts: [c] } = load('exporters/apple-en.csv');
    expect(c).toMatchObject({ displayName: 'Kenji Sato', company: 'Example KK', jobTitle: 'Engineer', nickname: 'Ken', phoneticGivenName: 'ケンジ', phoneticFamilyName: 'サトウ', organizationUnits: ['R&D'], notes: 'Met at WWDC', emails: ['kenji@home.example', 'kenji@work.example'] });
    expect(numbers(c)).toEqual([['+81 90-1234-5678', 'mobile'], ['+81 3-1234-5678', 'company']]);
    expect(c?.addresses).toEqual([{ type: 'home', poBox: '', extended: '', street: '1-2-3 Shibuya', locality: 'Tokyo', region: '', postalCode: '150-0002', country: 'Japan' }]);
    expect(c?.urls).toEqual([{ type: null, url: 'https://kenji.example' }]);
    expect(c?.dates).toEqual([{ kind: 'birthday', label: null, value: '1985-07-07' }]);
  });

  it('Apple Contacts (German): Arbeit E-Mail, Privat E-Mail, a German date', () => {
    const { contacts: [c], report } = load('exporters/apple-de.csv');
    expect(c).toMatchObject({ displayName: 'Anna Schmidt', company: 'Beispiel GmbH', nickname: 'Anni', organizationUnits: ['Vertrieb'], emails: ['anna.schmidt@beispiel.de', 'anna@privat.de'] });
    expect(numbers(c)).toEqual([['+49 171 2345678', 'mobile'], ['+49 30 1234567', 'business']]);
    expect(c?.addresses[0]).toMatchObject({ type: 'home', street: 'Hauptstraße 5', locality: 'Berlin', postalCode: '10115', country: 'Deutschland' });
    expect(c?.dates).toEqual([{ kind: 'birthday', label: null, value: '1988-03-12' }]);
    expect(report.ignoredColumns).toEqual([]);
  });

  it('Yahoo: bare Home / Work / Pager / Mobile columns are numbers, Alternate Email N are emails', () => {
    const { contacts: [c], report } = load('exporters/yahoo.csv');
    expect(c).toMatchObject({ displayName: 'Maria Lopez', company: 'Studio M', jobTitle: 'Designer', notes: 'Yahoo friend', categories: ['Friends'] });
    expect(c?.emails).toEqual(['maria@yahoo.example', 'maria.alt@example.com', 'maria.alt2@example.com']);
    expect(numbers(c)).toEqual([['(415) 555-0101', 'home'], ['(415) 555-0102', 'business'], ['(415) 555-0103', 'other'], ['(415) 555-0104', 'mobile']]);
    expect(c?.urls).toEqual([{ type: 'home', url: 'https://maria.example' }]);
    expect(c?.addresses[0]).toMatchObject({ type: 'work', street: '1 Market St', locality: 'San Francisco', region: 'CA', postalCode: '94105', country: 'USA' });
    expect(c?.dates).toEqual([{ kind: 'birthday', label: null, value: '1990-05-20' }]);
    expect(report.ignoredColumns).toEqual(['Messenger ID']);
  });

  it('LinkedIn connections: the notes before the header are skipped and said so', () => {
    const { contacts: [c], report } = load('exporters/linkedin.csv');
    expect(c).toMatchObject({ displayName: 'Priya Patel', company: 'Example Corp', jobTitle: 'Product Manager', emails: ['priya@example.com'] });
    expect(c?.urls).toEqual([{ type: 'profile', url: 'https://www.linkedin.com/in/priya-patel-example' }]);
    expect(report.notices).toEqual(['the 2 records before the header row were not read (notes, not contacts; the header is on line 4)']);
  });

  it('generic headers: type word before or after, spaced, dashed, snake_case, numbered', () => {
    const { contacts: [c], report } = load('exporters/generic-typed.csv');
    expect(c).toMatchObject({ displayName: 'Gen Eric', givenName: 'Gen', familyName: 'Eric', company: 'Generic LLC' });
    expect(c?.emails).toEqual(['a1@example.com', 'a2@example.com', 'a3@example.com', 'a4@example.com', 'a5@example.com']);
    expect(numbers(c)).toEqual([['+1 212 555 0101', 'mobile'], ['+1 212 555 0102', 'mobile'], ['+1 212 555 0103', 'business']]);
    expect(c?.addresses[0]).toMatchObject({ type: 'home', locality: 'Springfield' });
    expect(report.ignoredColumns).toEqual([]);
  });

  it('Google (legacy) extras: Yomi names, groups, address parts, department units, website, event', () => {
    const { contacts: [c] } = load('cases/google-extras.csv');
    expect(c).toMatchObject({ displayName: 'Yuki Tanaka', nickname: 'Yu', phoneticGivenName: 'ユキ', phoneticFamilyName: 'タナカ', company: 'Example KK', organizationUnits: ['Sales', 'Export'] });
    expect(c?.categories).toEqual(['myContacts', 'Friends', 'Work']);
    expect(c?.addresses).toEqual([{ type: 'home', poBox: 'PO 9', extended: 'Apt 3', street: '1-1 Chiyoda', locality: 'Tokyo', region: 'Tokyo-to', postalCode: '100-0001', country: 'Japan', label: '1-1 Chiyoda\nTokyo 100-0001' }]);
    expect(c?.urls).toEqual([{ type: 'Blog', url: 'https://yuki.example' }]);
    expect(c?.dates).toEqual([{ kind: 'birthday', label: null, value: '1990-04-01' }, { kind: 'anniversary', label: null, value: '2015-06-20' }]);
  });

  it('Outlook (English) extras: two addresses, multi-line street, categories, web page, Outlook\'s empty date', () => {
    const { contacts: [c], report } = load('cases/outlook-en-extras.csv');
    expect(c).toMatchObject({ displayName: 'Ms. Olivia Brown', company: 'Acme', organizationUnits: ['Research'], categories: ['Business', 'VIP'] });
    expect(c?.addresses).toEqual([
      { type: 'work', poBox: '', extended: '', street: '1 Lab Way\nBuilding 2', locality: 'Boston', region: 'MA', postalCode: '02110', country: 'United States' },
      { type: 'home', poBox: '', extended: '', street: '5 Elm St', locality: 'Cambridge', region: '', postalCode: '02139', country: '' },
    ]);
    expect(c?.dates).toEqual([{ kind: 'birthday', label: null, value: '1980-05-30' }]);
    expect(c?.urls).toEqual([{ type: null, url: 'https://olivia.example' }]);
    expect(report.ignoredColumns).toEqual([]);
  });

  it('Thunderbird extras: Birth Year / Month / Day as one date, with or without a year', () => {
    const { contacts } = load('cases/thunderbird-extras.csv');
    expect(contacts.map((c) => c.dates)).toEqual([[{ kind: 'birthday', label: null, value: '1975-11-03' }], [{ kind: 'birthday', label: null, value: '--02-29' }]]);
    expect(contacts[0]?.addresses[0]).toMatchObject({ type: 'home', street: '10 Downing Way', locality: 'London', postalCode: 'SW1A 2AA', country: 'UK' });
    expect(contacts[0]?.urls).toEqual([{ type: 'work', url: 'https://tom.example' }]);
  });
});
