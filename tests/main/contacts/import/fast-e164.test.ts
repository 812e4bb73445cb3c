import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastE164 } from '../../../../src/main/contacts/import/fast-e164';
import { normalizePhone } from '../../../../src/main/contacts/phone';

describe('fast-e164/fastE164', () => {
  it('takes E.164 numbers, with or without an x / ext. extension', () => {
    expect(fastE164('+4930123456')).toEqual({ raw: '+4930123456', e164: '+4930123456', extension: null });
    expect(fastE164('+14155550100 x123')).toEqual({ raw: '+14155550100 x123', e164: '+14155550100', extension: '123' });
    expect(fastE164('+14155550100 ext. 9')?.extension).toBe('9');
  });

  it('leaves everything else to libphonenumber-js', () => {
    for (const raw of ['(415) 555-0100', '+1 415 555 0100', '004930123456', '+1415555010', '+999123456789', 'tel:+14155550100']) {
      expect(fastE164(raw)).toBeNull();
    }
  });

  it('agrees with normalizePhone whenever it answers', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\+[1-9]\d{6,14}( x\d{1,4})?$/), (raw) => {
        const fast = fastE164(raw);
        if (!fast) return;
        const slow = normalizePhone(raw);
        expect(fast.e164).toBe(slow.e164);
        expect(fast.extension).toBe(slow.extension);
      }),
      { numRuns: 20000 },
    );
  });
});
