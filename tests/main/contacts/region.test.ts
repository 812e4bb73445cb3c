import { describe, expect, it } from 'vitest';
import { localeRegion, parseRegion } from '../../../src/main/contacts/region';

describe('region/parseRegion', () => {
  it('takes country codes in any case and refuses what is not one', () => {
    expect(parseRegion('de')).toBe('DE');
    expect(parseRegion(' Se ')).toBe('SE');
    expect(parseRegion('US')).toBe('US');
    for (const bad of ['XX', 'Germany', 'D', '', 'DEU', 42, null]) expect(parseRegion(bad)).toBeNull();
  });
});

describe('region/localeRegion', () => {
  const noIntl = () => 'en';
  it('reads the country of LC_ALL, LC_TELEPHONE, LANG in that order', () => {
    expect(localeRegion({ LANG: 'de_DE.UTF-8' }, noIntl)).toBe('DE');
    expect(localeRegion({ LANG: 'de_DE.UTF-8', LC_TELEPHONE: 'sv_SE.UTF-8' }, noIntl)).toBe('SE');
    expect(localeRegion({ LC_ALL: 'fr_FR@euro', LANG: 'de_DE.UTF-8' }, noIntl)).toBe('FR');
    expect(localeRegion({ LANG: 'sr_Latn_RS.UTF-8' }, noIntl)).toBe('RS');
  });

  it('guesses no country from a language alone or the C locale', () => {
    expect(localeRegion({ LANG: 'C.UTF-8' }, () => 'en-US')).toBeNull();
    expect(localeRegion({ LANG: 'de' }, () => 'en-US')).toBeNull();
    expect(localeRegion({}, () => 'en')).toBeNull();
  });

  it('falls back to the ICU locale only when no variable is set', () => {
    expect(localeRegion({}, () => 'en-GB')).toBe('GB');
    expect(localeRegion({}, () => 'zh-Hant-TW')).toBe('TW');
  });
});
