import { describe, expect, it } from 'vitest';
import { KeyCounter } from '../../../../src/main/contacts/import/key-counter';

describe('key-counter/KeyCounter', () => {
  it('counts the occurrences of each key, across table growth', () => {
    const counter = new KeyCounter();
    for (let i = 0; i < 50_000; i += 1) expect(counter.next(`name:person ${i}`)).toBe(1);
    expect(counter.next('name:person 7')).toBe(2);
    expect(counter.next('name:person 7')).toBe(3);
    expect(counter.next('name:person 49999')).toBe(2);
    expect(counter.next('name:someone new')).toBe(1);
    expect(counter.next('')).toBe(1);
    expect(counter.next('')).toBe(2);
  });
});
