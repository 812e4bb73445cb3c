import { describe, expect, it, vi } from 'vitest';
import { createLinkQueue, findProtocolLink, parseProtocolLink } from '../../../src/main/protocol-links';

describe('protocol-links/parseProtocolLink', () => {
  it.each([
    ['tel:+15551234567', { kind: 'new-call', phoneNumber: '+15551234567' }],
    ['TEL:+15551234567', { kind: 'new-call', phoneNumber: '+15551234567' }],
    ['tel:+1-555-123-4567', { kind: 'new-call', phoneNumber: '+15551234567' }],
    ['tel:+1 (555) 123.4567', { kind: 'new-call', phoneNumber: '+15551234567' }],
    ['tel:%2B1%20555%20123%204567', { kind: 'new-call', phoneNumber: '+15551234567' }],
    ['tel:+15551234567;ext=101', { kind: 'new-call', phoneNumber: '+15551234567*101' }],
    ['tel:+15551234567;phone-context=example.com', { kind: 'new-call', phoneNumber: '+15551234567' }],
    ['tel:101', { kind: 'new-call', phoneNumber: '101' }],
    ['callto:+15551234567', { kind: 'new-call', phoneNumber: '+15551234567' }],
    ['callto://+15551234567', { kind: 'new-call', phoneNumber: '+15551234567' }],
    ['callto://%2B15551234567', { kind: 'new-call', phoneNumber: '+15551234567' }],
    ['sms:+15551234567', { kind: 'new-sms', phoneNumber: '+15551234567' }],
    ['sms:+1555?body=hi', { kind: 'new-sms', phoneNumber: '+1555', text: 'hi' }],
    ['sms:+15551234567?body=hello%20there%20%26%20bye', { kind: 'new-sms', phoneNumber: '+15551234567', text: 'hello there & bye' }],
    ['sms://+15551234567?body=', { kind: 'new-sms', phoneNumber: '+15551234567' }],
    ['sms:+15551234567,+15557654321?body=hi', { kind: 'new-sms', phoneNumber: '+15551234567', text: 'hi' }],
  ])('parses %s', (link, expected) => {
    expect(parseProtocolLink(link)).toEqual(expected);
  });

  it.each([
    'tel:',
    'tel:+',
    'tel:abc',
    'tel:1-800-FLOWERS',
    'tel:javascript:alert(1)',
    'tel:+1555<script>',
    'tel:%ZZ',
    'tel:+15551234567?foo=bar',
    'tel:' + '1'.repeat(40),
    'callto:',
    'sms:?body=hi',
    'sms:;',
    'http://+15551234567',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'mailto:a@b.c',
    'sip:+15551234567',
    '',
    42,
    undefined,
  ])('rejects %j', (link) => {
    expect(parseProtocolLink(link)).toBeNull();
  });
});

describe('protocol-links/findProtocolLink', () => {
  it('finds the link among Electron flags on a second instance command line', () => {
    expect(findProtocolLink(['/opt/app/softphone', '--no-sandbox', 'tel:+15551234567'])).toBe('tel:+15551234567');
    expect(findProtocolLink(['/opt/app/softphone', '--flag'])).toBeNull();
  });
});

describe('protocol-links/createLinkQueue', () => {
  it('holds commands until the dialer is ready, then sends them in order', () => {
    const send = vi.fn();
    const queue = createLinkQueue({ send });
    queue.push({ kind: 'new-call', phoneNumber: '+1555' });
    queue.push({ kind: 'new-sms', phoneNumber: '+1666', text: 'hi' });
    expect(send).not.toHaveBeenCalled();
    expect(queue.pending()).toBe(2);
    queue.setReady(true);
    expect(send.mock.calls.map((c) => c[0])).toEqual([
      { kind: 'new-call', phoneNumber: '+1555' },
      { kind: 'new-sms', phoneNumber: '+1666', text: 'hi' },
    ]);
    expect(queue.pending()).toBe(0);
  });

  it('sends at once while ready, and queues again once the dialer is not ready', () => {
    const send = vi.fn();
    const queue = createLinkQueue({ send });
    queue.setReady(true);
    queue.push({ kind: 'new-call', phoneNumber: '+1555' });
    expect(send).toHaveBeenCalledTimes(1);
    queue.setReady(false);
    queue.push({ kind: 'new-call', phoneNumber: '+1666' });
    expect(send).toHaveBeenCalledTimes(1);
  });
});
