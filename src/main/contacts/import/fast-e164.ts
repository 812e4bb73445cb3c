/**
 * Fast path for numbers already written in E.164 (`+4930123456`), the common case in exports
 * from phones and in the benchmark. Full parsing with libphonenumber-js costs ~7 µs a number,
 * more than inserting the contact; a pattern plus a lookup of the calling code's possible
 * national lengths (from libphonenumber-js metadata, so the same data) costs well under 1 µs.
 * Anything that does not pass falls back to `normalizePhone`.
 */
// The same metadata set as phone.ts (`/max`), so both paths agree on what is possible. The
// `/max` entry's CommonJS build has no Metadata class, hence core + the metadata file.
import { Metadata, getCountries, getCountryCallingCode } from 'libphonenumber-js/core';
import maxMetadata from 'libphonenumber-js/max/metadata';
import type { NormalizedPhone } from '../phone';

interface CodePlan {
  /** National lengths possible in every country sharing the calling code. */
  lengths: Set<number>;
  /** Each country's national-prefix-for-parsing pattern, anchored at the start. */
  prefixes: RegExp[];
}

let plans: Map<string, CodePlan> | null = null;

/**
 * Per calling code: the national lengths possible in all countries sharing it (+1, +7, +44...)
 * and their national-prefix patterns. libphonenumber strips a match of such a pattern even after
 * a `+` (`+82 0…`, `+86 179…`), so a number any pattern matches takes the slow path.
 */
function codePlans(): Map<string, CodePlan> {
  if (plans) return plans;
  const metadata = new Metadata(maxMetadata);
  const map = new Map<string, CodePlan>();
  for (const country of getCountries(maxMetadata)) {
    metadata.selectNumberingPlan(country);
    const plan = metadata.numberingPlan as unknown as {
      possibleLengths(): number[];
      nationalPrefix(): string | undefined;
      nationalPrefixForParsing(): string | undefined;
    };
    const code = getCountryCallingCode(country, maxMetadata);
    const lengths = new Set(plan.possibleLengths());
    const known = map.get(code) ?? { lengths, prefixes: [] };
    known.lengths = new Set([...known.lengths].filter((n) => lengths.has(n)));
    const prefix = plan.nationalPrefixForParsing() ?? plan.nationalPrefix();
    if (prefix) known.prefixes.push(new RegExp(`^(?:${prefix})`));
    map.set(code, known);
  }
  plans = map;
  return map;
}

const E164 = /^\+([1-9]\d{6,14})(?:\s?(?:x|ext\.?)\s?(\d{1,10}))?$/i;

/** The normalised number when `raw` is a plausible E.164 string, otherwise null. */
export function fastE164(raw: string): NormalizedPhone | null {
  const m = E164.exec(raw);
  if (!m) return null;
  const digits = m[1]!;
  const map = codePlans();
  for (let len = 1; len <= 3; len += 1) {
    const plan = map.get(digits.slice(0, len));
    if (!plan) continue;
    const national = digits.slice(len);
    if (!plan.lengths.has(national.length) || plan.prefixes.some((p) => p.test(national))) return null;
    return { raw, e164: `+${digits}`, extension: m[2] ?? null };
  }
  return null;
}
