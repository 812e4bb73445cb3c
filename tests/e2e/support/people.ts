/**
 * The address books the scenarios import. Numbers are fictional (+1 650 555 01xx) except where
 * a scenario needs a foreign format. Tests write them to real files before importing.
 */
import type { Person } from './address-books';

export const alice: Person = { uid: 'alice', given: 'Alice', family: 'Archer', org: 'Acme', phones: [{ type: 'CELL', number: '+1 650 555 0101' }] };
export const bob: Person = { uid: 'bob', given: 'Bob', family: 'Baker', phones: [{ type: 'WORK', number: '(650) 555-0199' }] };
export const carol: Person = { uid: 'carol', given: 'Carol', family: 'Cook', phones: [{ type: 'HOME', number: '+1 650 555 0123' }] };
export const dan: Person = { uid: 'dan', given: 'Dan', family: 'Dyer', org: 'Dyer & Sons', phones: [{ type: 'CELL', number: '+1 650 555 0177' }] };
export const zoe: Person = { uid: 'zoe', given: 'Zoë', family: 'Ångström', phones: [{ type: 'CELL', number: '+46 8 123 456 78' }, { type: 'WORK', number: '+46 8 123 456 79' }] };
export const jose: Person = { uid: 'jose', given: 'José', family: 'Núñez', phones: [{ type: 'HOME', number: '+34 912 345 678' }] };
export const anna: Person = { uid: 'anna', given: 'Anna', family: 'Schmidt', phones: [{ type: 'CELL', number: '+49 30 1234567' }, { type: 'HOME', number: '+49 30 7654321' }] };

/** Expected E.164 forms, the strings the widget tracks and matches by. */
export const E164 = {
  alice: '+16505550101',
  bob: '+16505550199',
  carol: '+16505550123',
  dan: '+16505550177',
} as const;
