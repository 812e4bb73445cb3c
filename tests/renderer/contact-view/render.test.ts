import { describe, expect, it, vi } from 'vitest';
import type { ViewDocument, ViewElement } from '../../../src/renderer/contact-view/dom';
import { dialString, initials, isShowableAvatar } from '../../../src/renderer/contact-view/format';
import { renderContact } from '../../../src/renderer/contact-view/render';
import { NO_EXTRAS, type ContactDetails, type PersonDetails } from '../../../src/shared/contact';

/** A fake DOM that can only hold text: if the view ever tried markup, there is no API for it. */
interface FakeElement extends ViewElement {
  tag: string;
  children: FakeElement[];
  attributes: Record<string, string>;
  clicks: Array<() => void>;
}
function fakeDocument(): ViewDocument & { title: string } {
  return {
    title: '',
    createElement(tag: string): FakeElement {
      const el: FakeElement = {
        tag,
        textContent: null,
        className: '',
        children: [],
        attributes: {},
        clicks: [],
        append: (...children) => el.children.push(...(children as FakeElement[])),
        setAttribute: (name, value) => (el.attributes[name] = value),
        addEventListener: (_type, listener) => el.clicks.push(listener),
      };
      return el;
    },
  };
}
const all = (el: FakeElement): FakeElement[] => [el, ...el.children.flatMap(all)];
const text = (el: FakeElement): string => all(el).map((e) => e.textContent ?? '').join('|');

const ada: ContactDetails = {
  ...NO_EXTRAS,
  id: '7',
  displayName: 'Ada <img src=x onerror=alert(1)> Lovelace',
  givenName: 'Ada',
  familyName: 'Lovelace',
  company: 'Analytical Engines',
  jobTitle: 'Mathematician',
  notes: 'Line one\n<script>alert(1)</script>',
  avatar: 'data:image/png;base64,iVBORw0KGgo=',
  phones: [
    { raw: '+1 (650) 555-0123', e164: '+16505550123', extension: null, type: 'mobile', label: null },
    { raw: '650-555-0199 x101', e164: '+16505550199', extension: '101', type: 'business', label: 'Office' },
    { raw: 'ask reception', e164: null, extension: null, type: 'other', label: null },
  ],
  emails: ['ada@example.com'],
  source: { path: '/home/ada/contacts.vcf', format: 'vcard' },
};

describe('contact-view/renderContact', () => {
  it('shows every field as text', () => {
    const doc = fakeDocument();
    const root = renderContact(doc, ada, { dial: vi.fn(), email: vi.fn(), openUrl: vi.fn() }) as FakeElement;
    const shown = text(root);
    for (const part of [ada.displayName, 'Mathematician · Analytical Engines', 'Mobile', '+1 (650) 555-0123', 'Office', 'ada@example.com', ada.notes!, '/home/ada/contacts.vcf (vcard)']) {
      expect(shown).toContain(part);
    }
    expect(doc.title).toBe(ada.displayName);
    expect(all(root).some((e) => e.tag === 'script')).toBe(false);
  });

  it('dials the E.164 number (with extension) through the widget on click', () => {
    const dial = vi.fn();
    const root = renderContact(fakeDocument(), ada, { dial, email: vi.fn(), openUrl: vi.fn() }) as FakeElement;
    const buttons = all(root).filter((e) => e.tag === 'button' && e.clicks.length > 0);
    buttons[0]!.clicks[0]!();
    buttons[1]!.clicks[0]!();
    expect(dial.mock.calls).toEqual([['+16505550123'], ['+16505550199*101']]);
  });

  it('shows an undialable number as plain text', () => {
    const root = renderContact(fakeDocument(), ada, { dial: vi.fn(), email: vi.fn(), openUrl: vi.fn() }) as FakeElement;
    expect(all(root).find((e) => e.textContent === 'ask reception')!.tag).toBe('span');
  });

  it('writes an e-mail on click', () => {
    const email = vi.fn();
    const root = renderContact(fakeDocument(), ada, { dial: vi.fn(), email, openUrl: vi.fn() }) as FakeElement;
    all(root).find((e) => e.textContent === 'ada@example.com')!.clicks[0]!();
    expect(email).toHaveBeenCalledWith('ada@example.com');
  });

  it('shows initials instead of an avatar it may not load', () => {
    const root = renderContact(fakeDocument(), { ...ada, displayName: 'Ada Lovelace', avatar: 'javascript:alert(1)' }, { dial: vi.fn(), email: vi.fn(), openUrl: vi.fn() }) as FakeElement;
    expect(all(root).some((e) => e.tag === 'img')).toBe(false);
    expect(all(root).find((e) => e.className.includes('placeholder'))!.textContent).toBe('AL');
  });

  it('shows the photo, and the initials in its place when the photo cannot load', () => {
    const root = renderContact(fakeDocument(), { ...ada, displayName: 'Ada Lovelace', avatar: 'https://gone.example/a.png' }, { dial: vi.fn(), email: vi.fn(), openUrl: vi.fn() }) as FakeElement;
    const img = all(root).find((e) => e.tag === 'img')!;
    const initialsBox = all(root).find((e) => e.className.includes('placeholder'))!;
    expect(img.className).toBe('contact-avatar');
    expect(initialsBox.className).toBe('contact-avatar placeholder hidden');
    img.clicks.forEach((onError) => onError());
    expect(img.className).toBe('contact-avatar hidden');
    expect(initialsBox).toMatchObject({ className: 'contact-avatar placeholder', textContent: 'AL' });
  });
});

describe('contact-view/format', () => {
  it.each([
    ['data:image/png;base64,iVBORw0KGgo=', true],
    ['https://example.com/a.png', true],
    ['http://example.com/a.png', false],
    ['data:text/html;base64,PHNjcmlwdD4=', false],
    ['data:image/svg+xml;base64,PHN2Zz4=', false],
    ['javascript:alert(1)', false],
    ['file:///etc/passwd', false],
    [null, false],
  ])('isShowableAvatar(%s) → %s', (url, expected) => {
    expect(isShowableAvatar(url)).toBe(expected);
  });

  it('dials raw digits when there is no E.164', () => {
    expect(dialString({ raw: '(650) 555-0123', e164: null, extension: null, type: 'home', label: null })).toBe('6505550123');
    expect(dialString({ raw: 'n/a', e164: null, extension: null, type: 'home', label: null })).toBeNull();
  });

  it('makes initials from letters only', () => {
    expect(initials('Ada King Lovelace')).toBe('AL');
    expect(initials('+1 555')).toBe('?');
    expect(initials('Émile')).toBe('É');
  });
});

describe('contact-view/renderContact: a linked card', () => {
  const card: PersonDetails = {
    ...ada,
    phones: ada.phones.slice(0, 2),
    emails: ['ada@example.com'],
    parts: [
      { id: '7', displayName: 'Ada Lovelace', source: { path: '/home/ada/contacts.vcf', format: 'vcard' } },
      { id: '9', displayName: 'Lovelace, Ada', source: { path: 'C:\\Users\\ada\\google.csv', format: 'csv' } },
    ],
    phoneParts: [['7', '9'], ['9']],
    emailParts: [['9']],
    apart: [],
  };

  it('shows where each value came from and lists the linked contacts', () => {
    const root = renderContact(fakeDocument(), card, { dial: vi.fn(), email: vi.fn(), openUrl: vi.fn(), unlink: vi.fn() }) as FakeElement;
    const from = all(root).filter((e) => e.className === 'contact-from').map((e) => e.textContent);
    expect(from).toEqual(['from contacts.vcf, google.csv', 'from google.csv', 'from google.csv']);
    const shown = text(root);
    expect(shown).toContain('Linked contacts');
    expect(shown).toContain('C:\\Users\\ada\\google.csv (csv)');
  });

  it('unlinks the part whose button is clicked', () => {
    const unlink = vi.fn();
    const root = renderContact(fakeDocument(), card, { dial: vi.fn(), email: vi.fn(), openUrl: vi.fn(), unlink }) as FakeElement;
    const buttons = all(root).filter((e) => e.textContent === 'Unlink');
    expect(buttons).toHaveLength(2);
    buttons[1]!.clicks[0]!();
    expect(unlink).toHaveBeenCalledWith('9');
  });

  it('lists the contacts kept apart from it, and links the one whose button is clicked again', () => {
    const link = vi.fn();
    const apart = [{ id: '12', displayName: 'Ada L.', source: { path: '/home/ada/outlook.csv', format: 'csv' } }];
    const root = renderContact(fakeDocument(), { ...card, parts: card.parts.slice(0, 1), apart }, { dial: vi.fn(), email: vi.fn(), openUrl: vi.fn(), link }) as FakeElement;
    expect(text(root)).toContain('Kept apart');
    expect(text(root)).toContain('/home/ada/outlook.csv (csv)');
    const buttons = all(root).filter((e) => e.textContent === 'Link again');
    expect(buttons).toHaveLength(1);
    buttons[0]!.clicks[0]!();
    expect(link).toHaveBeenCalledWith('12');
    expect(all(root).some((e) => e.textContent === 'Unlink')).toBe(false);
  });

  it('shows a card of one contact as before, without sources per value or unlink', () => {
    const root = renderContact(fakeDocument(), { ...card, parts: card.parts.slice(0, 1) }, { dial: vi.fn(), email: vi.fn(), openUrl: vi.fn(), unlink: vi.fn() }) as FakeElement;
    expect(all(root).some((e) => e.className === 'contact-from' || e.textContent === 'Unlink')).toBe(false);
    expect(text(root)).toContain('/home/ada/contacts.vcf (vcard)');
  });
});
