import { describe, expect, it } from 'vitest';
import { websiteLinkTarget } from '../../../src/shared/contact-links';

describe('shared/websiteLinkTarget', () => {
  it.each([
    ['https://example.com/a', 'https://example.com/a'],
    ['http://nordlicht.example/britta', 'http://nordlicht.example/britta'],
    ['  https://example.com  ', 'https://example.com'],
    ['mailto:ada@example.com', 'mailto:ada@example.com'],
    // Written without a scheme, as Evolution and Outlook do: opened as the browser would a typed address.
    ['www.ximian.com/', 'http://www.ximian.com/'],
    ['example.se', 'http://example.se'],
    ['shop.example.de:8080/a?b#c', 'http://shop.example.de:8080/a?b#c'],
    ['bücher.example', 'http://bücher.example'],
    // Anything else is shown as text, never a link.
    ['javascript:alert(1)', null],
    ['JavaScript:alert(1)', null],
    ['file:///etc/passwd', null],
    ['ftp://example.com', null],
    ['localhost:8080', null],
    ['my homepage', null],
    ['example', null],
    ['', null],
  ])('%j → %j', (written, target) => {
    expect(websiteLinkTarget(written)).toBe(target);
  });
});
