import { describe, expect, it } from 'vitest';
import { isCalendarDate, parseContactDate } from '../../../../src/main/contacts/import/dates';

describe('dates/parseContactDate', () => {
  it.each([
    ['1980-03-21', undefined, '1980-03-21'],
    ['19800321', undefined, '1980-03-21'],
    ['1975-01-31T00:00:00Z', undefined, '1975-01-31'],
    ['2012-06-06T12:00:00+02:00', undefined, '2012-06-06'],
    ['--0412', undefined, '--04-12'],
    ['--04-12', undefined, '--04-12'],
    ['--0229', undefined, '--02-29'],
    ['1604-11-05', '1604', '--11-05'],
    ['1984-11-05', '1604', '1984-11-05'],
    // Not calendar dates: kept exactly as written, never guessed at.
    ['2021-02-29', undefined, '2021-02-29'],
    ['1980-13-01', undefined, '1980-13-01'],
    ['1980-04', undefined, '1980-04'],
    ['circa 1970', undefined, 'circa 1970'],
    ['12.04.1980', undefined, '12.04.1980'],
  ])('%s (omit year %s) → %s', (text, omitYear, want) => {
    expect(parseContactDate(text, omitYear)).toBe(want);
  });

  it('tells calendar dates from text', () => {
    expect(['1980-03-21', '--04-12', '2000-02-29'].map(isCalendarDate)).toEqual([true, true, true]);
    expect(['2021-02-29', '1980-04', 'circa 1970', '--13-01', '19800321'].map(isCalendarDate)).toEqual([false, false, false, false, false]);
  });
});
