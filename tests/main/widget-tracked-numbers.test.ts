import { describe, expect, it } from 'vitest';
import { createTrackedNumbers, MAX_TRACKED_NUMBERS } from '../../src/main/widget-tracked-numbers';

describe('widget-tracked-numbers/createTrackedNumbers', () => {
  it('keeps the numbers of match requests once each, oldest first', () => {
    const tracked = createTrackedNumbers();
    tracked.noteMatchRequest({ phoneNumbers: ['+15550000001', '+15550000002'], callerIds: {} });
    tracked.noteMatchRequest({ phoneNumbers: ['+15550000003', '+15550000001'] });
    expect(tracked.numbers()).toEqual(['+15550000002', '+15550000003', '+15550000001']);
  });

  it('drops the numbers asked about longest ago beyond the cap', () => {
    const tracked = createTrackedNumbers(3);
    tracked.noteMatchRequest({ phoneNumbers: ['a1', 'a2', 'a3'] });
    tracked.noteMatchRequest({ phoneNumbers: ['a1'] });
    tracked.noteMatchRequest({ phoneNumbers: ['a4'] });
    expect(tracked.numbers()).toEqual(['a3', 'a1', 'a4']);
  });

  it('ignores malformed bodies and values that are no number strings', () => {
    const tracked = createTrackedNumbers();
    for (const body of [null, 'x', { phoneNumbers: 'x' }, { numbers: ['+1555'] }]) tracked.noteMatchRequest(body);
    tracked.noteMatchRequest({ phoneNumbers: [42, '', 'x'.repeat(65), '+15550000001'] });
    expect(tracked.numbers()).toEqual(['+15550000001']);
  });

  it('holds at most MAX_TRACKED_NUMBERS by default', () => {
    const tracked = createTrackedNumbers();
    const many = Array.from({ length: MAX_TRACKED_NUMBERS + 10 }, (_, i) => `+1555${String(i).padStart(7, '0')}`);
    tracked.noteMatchRequest({ phoneNumbers: many });
    const kept = tracked.numbers();
    expect(kept).toHaveLength(MAX_TRACKED_NUMBERS);
    expect(kept[0]).toBe(many[10]);
  });
});
