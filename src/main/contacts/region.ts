/**
 * Country codes for reading numbers written without one: parsed in any case and validated
 * against libphonenumber-js, and the operating system's locale country as the last default.
 * Never a silent `US`: with no region at all, national numbers are kept as written and the
 * import report says so.
 */
import { isSupportedCountry, type CountryCode } from 'libphonenumber-js/max';

/** `de`, ` DE ` → `DE`; null for anything libphonenumber-js does not know as a country. */
export function parseRegion(text: unknown): CountryCode | null {
  if (typeof text !== 'string') return null;
  const code = text.trim().toUpperCase();
  return /^[A-Z]{2}$/.test(code) && isSupportedCountry(code) ? code : null;
}

/** The country of a POSIX locale name (`de_DE.UTF-8`, `sv_SE@euro`) or a BCP 47 tag (`en-GB`). */
function countryOfLocale(locale: string): CountryCode | null {
  const m = /^[a-z]{2,3}(?:[_-][A-Za-z]{4})?[_-]([A-Za-z]{2})(?=$|[.@_-])/i.exec(locale.trim());
  return m ? parseRegion(m[1]) : null;
}

/**
 * The OS locale's country: `LC_ALL`, `LC_TELEPHONE`, `LANG` as POSIX orders them; only when none
 * is set (Windows, macOS apps) the ICU default locale. A language alone (`de`, `C.UTF-8`) names
 * no country, and none is guessed from it.
 */
export function localeRegion(env: NodeJS.ProcessEnv, intlLocale: () => string = () => Intl.DateTimeFormat().resolvedOptions().locale): CountryCode | null {
  for (const name of ['LC_ALL', 'LC_TELEPHONE', 'LANG'] as const) {
    const value = env[name];
    if (value) return countryOfLocale(value);
  }
  return countryOfLocale(intlLocale());
}
