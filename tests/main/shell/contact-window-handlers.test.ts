import { afterEach, describe, expect, it, vi } from 'vitest';
import { createIpcGate } from '../../../src/main/ipc/handle';
import { registerContactWindowHandlers } from '../../../src/main/ipc/contact-window-handlers';
import { createExternalOpener, mailtoUrl } from '../../../src/main/security/external';
import type { PersonDetails } from '../../../src/shared/contact';
import { contact, idOf, openTestBook, type TestBook } from '../contacts/helpers';
import { IPC } from '../../../src/shared/ipc';
import { CONTACT_WINDOW_ID, MAIN_WINDOW_ID, fakeIpcMain, fromTopFrame, windowOf } from './ipc-fakes';

const ada = {
  id: '7',
  displayName: 'Ada',
  parts: [{ id: '7', displayName: 'Ada', source: null }],
  urls: [
    { type: 'work', url: 'https://engines.example/ada' },
    { type: null, url: 'www.example.se' },
    { type: 'mail', url: 'mailto:ada@example.com' },
    { type: 'bad', url: 'javascript:alert(1)' },
    { type: 'file', url: 'file:///etc/passwd' },
  ],
} as PersonDetails;

function setup() {
  const fake = fakeIpcMain();
  const gate = createIpcGate({ ipcMain: fake.ipcMain, appOrigin: 'app://softphone', windowOf, log: vi.fn() });
  const deps = {
    gate,
    contactIdFor: (id: number) => (id === CONTACT_WINDOW_ID ? '7' : undefined),
    getDetails: vi.fn((id: string) => (id === '7' ? ada : null)),
    dial: vi.fn(),
    unlink: vi.fn((_id: string) => false),
    link: vi.fn((_id: string, _withId: string) => false),
    openExternal: vi.fn(async (_url: string) => undefined),
  };
  const opener = createExternalOpener({ shell: { openExternal: deps.openExternal }, log: vi.fn() });
  registerContactWindowHandlers({ ...deps, openMailto: opener.openMailto, openLink: opener.openLink });
  return { ...fake, deps };
}

const contactWindow = fromTopFrame(CONTACT_WINDOW_ID);

describe('ipc/registerContactWindowHandlers', () => {
  it('details resolves the contact from the sender window', async () => {
    const { invoke, deps } = setup();
    expect(await invoke(IPC.contactWindowDetails, contactWindow)).toEqual({ ok: true, value: ada });
    expect(deps.getDetails).toHaveBeenCalledWith('7');
  });

  it('details ignores any id the page passes', async () => {
    const { invoke, deps } = setup();
    expect(await invoke(IPC.contactWindowDetails, contactWindow, '8')).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(deps.getDetails).not.toHaveBeenCalled();
  });

  it('details answers not-found once the contact is gone', async () => {
    const { invoke, deps } = setup();
    deps.getDetails.mockReturnValueOnce(null);
    expect(await invoke(IPC.contactWindowDetails, contactWindow)).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it.each([IPC.contactWindowDetails, IPC.contactWindowDial, IPC.contactWindowEmail])('%s refuses the main window', async (channel) => {
    const { invoke, deps } = setup();
    expect(await invoke(channel, fromTopFrame(MAIN_WINDOW_ID), channel === IPC.contactWindowDetails ? undefined : '+15551234567')).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
    expect(deps.dial).not.toHaveBeenCalled();
  });

  it('dial sends a valid number to the widget', async () => {
    const { invoke, deps } = setup();
    expect(await invoke(IPC.contactWindowDial, contactWindow, '+15551234567*101')).toEqual({ ok: true, value: undefined });
    expect(deps.dial).toHaveBeenCalledWith('+15551234567*101');
  });

  it.each(['', 'abc', '+1 555 123', 'javascript:alert(1)', 42, '1'.repeat(40)])('dial rejects %j', async (bad) => {
    const { invoke, deps } = setup();
    expect(await invoke(IPC.contactWindowDial, contactWindow, bad)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(deps.dial).not.toHaveBeenCalled();
  });

  it('email opens a mailto: URL for a valid address', async () => {
    const { invoke, deps } = setup();
    expect(await invoke(IPC.contactWindowEmail, contactWindow, 'ada@example.com')).toEqual({ ok: true, value: undefined });
    expect(deps.openExternal).toHaveBeenCalledWith('mailto:ada@example.com');
  });

  it.each(['not-an-address', 'a@b.c?cc=evil@x.com', 'a@b.com\r\nBcc: x@y.z', 'javascript:alert(1)@x.com', 'x'.repeat(300) + '@a.com', 7])(
    'email rejects %j and opens nothing',
    async (bad) => {
      const { invoke, deps } = setup();
      expect(await invoke(IPC.contactWindowEmail, contactWindow, bad)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
      expect(deps.openExternal).not.toHaveBeenCalled();
    },
  );

  it.each([
    ['https://engines.example/ada', 'https://engines.example/ada'],
    ['http://www.example.se', 'http://www.example.se'],
    ['mailto:ada@example.com', 'mailto:ada@example.com'],
  ])('open-url opens the contact\'s website %s', async (url, opened) => {
    const { invoke, deps } = setup();
    expect(await invoke(IPC.contactWindowOpenUrl, contactWindow, url)).toEqual({ ok: true, value: undefined });
    expect(deps.openExternal.mock.calls).toEqual([[opened]]);
  });

  it.each([
    ['a website the contact does not hold', 'https://evil.example/'],
    ['the scheme-less form as written (the page must send what it was given)', 'www.example.se'],
    ['a javascript: website, even one the contact holds', 'javascript:alert(1)'],
    ['a file: website, even one the contact holds', 'file:///etc/passwd'],
    ['not a string', 42],
  ])('open-url refuses %s', async (_why, url) => {
    const { invoke, deps } = setup();
    expect(await invoke(IPC.contactWindowOpenUrl, contactWindow, url)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(deps.openExternal).not.toHaveBeenCalled();
  });

  it('open-url refuses the main window', async () => {
    const { invoke, deps } = setup();
    expect(await invoke(IPC.contactWindowOpenUrl, fromTopFrame(MAIN_WINDOW_ID), 'https://engines.example/ada')).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(deps.openExternal).not.toHaveBeenCalled();
  });

  it('mailtoUrl percent-encodes everything but the @', () => {
    expect(mailtoUrl("o'brien+tag@example.com")).toBe("mailto:o'brien%2Btag@example.com");
  });
});

describe('ipc/contact-window:unlink and :link, on a real address book', () => {
  let book: TestBook;
  afterEach(() => book.close());

  /** The window shows the person of `shownKey`; unlink goes to the real store. */
  function setupBook(shownKey: string) {
    book = openTestBook();
    book.store.upsertContacts([contact('p-zoe', 'Zoë Åström', ['+46 70 123 45 67'])], '/home/a/phone.vcf');
    book.store.upsertContacts([contact('g-zoe', 'Zoe Astrom', ['+46701234567'])], '/home/a/google.csv');
    book.store.upsertContacts([contact('g-zed', 'Zed Astrom', ['+46701234599'])], '/home/a/google.csv');
    const fake = fakeIpcMain();
    const gate = createIpcGate({ ipcMain: fake.ipcMain, appOrigin: 'app://softphone', windowOf, log: vi.fn() });
    const synced = vi.fn();
    registerContactWindowHandlers({
      gate,
      contactIdFor: (id) => (id === CONTACT_WINDOW_ID ? idOf(book.db, shownKey) : undefined),
      getDetails: (id) => book.store.getPerson(id),
      unlink: (id) => {
        const changed = book.store.unlink(Number(id));
        if (changed) synced(changed.changedNumbers);
        return changed !== null;
      },
      link: (id, withId) => {
        const changed = book.store.link(Number(id), Number(withId));
        if (changed) synced(changed.changedNumbers);
        return changed !== null;
      },
      dial: vi.fn(),
      openMailto: () => true,
      openLink: () => true,
    });
    return { ...fake, synced };
  }

  it('unlinks a part of the card shown and answers the card as it now is', async () => {
    const { invoke, synced } = setupBook('p-zoe');
    const googleId = idOf(book.db, 'g-zoe');
    const before = (await invoke(IPC.contactWindowDetails, contactWindow)) as { ok: true; value: PersonDetails };
    expect(before.value.parts.map((p) => p.id)).toEqual([idOf(book.db, 'p-zoe'), googleId]);
    const after = (await invoke(IPC.contactWindowUnlink, contactWindow, googleId)) as { ok: true; value: PersonDetails };
    expect(after.ok).toBe(true);
    expect(after.value.parts.map((p) => p.id)).toEqual([idOf(book.db, 'p-zoe')]);
    expect(synced).toHaveBeenCalledWith(['+46701234567']);
    expect(book.store.getPerson(googleId)!.parts).toHaveLength(1);
  });

  it('refuses a contact that is not a part of the card shown', async () => {
    const { invoke, synced } = setupBook('p-zoe');
    for (const bad of [idOf(book.db, 'g-zed'), 'abc', 7]) {
      expect(await invoke(IPC.contactWindowUnlink, contactWindow, bad)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    }
    expect(synced).not.toHaveBeenCalled();
    expect(book.store.getPerson(idOf(book.db, 'p-zoe'))!.parts).toHaveLength(2);
  });

  it('links an unlinked contact again from the card it was unlinked from', async () => {
    const { invoke, synced } = setupBook('p-zoe');
    const phoneId = idOf(book.db, 'p-zoe');
    const googleId = idOf(book.db, 'g-zoe');
    const unlinked = (await invoke(IPC.contactWindowUnlink, contactWindow, googleId)) as { ok: true; value: PersonDetails };
    expect(unlinked.value.apart.map((p) => p.id)).toEqual([googleId]);
    const linked = (await invoke(IPC.contactWindowLink, contactWindow, googleId)) as { ok: true; value: PersonDetails };
    expect(linked.ok).toBe(true);
    expect(linked.value.parts.map((p) => p.id)).toEqual([phoneId, googleId]);
    expect(linked.value.apart).toEqual([]);
    expect(synced).toHaveBeenLastCalledWith(['+46701234567']);
  });

  it('links again from the window of the contact that was unlinked', async () => {
    const { invoke } = setupBook('g-zoe');
    const phoneId = idOf(book.db, 'p-zoe');
    const googleId = idOf(book.db, 'g-zoe');
    book.store.unlink(Number(googleId));
    const shown = (await invoke(IPC.contactWindowDetails, contactWindow)) as { ok: true; value: PersonDetails };
    expect(shown.value.parts.map((p) => p.id)).toEqual([googleId]);
    expect(shown.value.apart.map((p) => [p.id, p.source?.path])).toEqual([[phoneId, '/home/a/phone.vcf']]);
    const linked = (await invoke(IPC.contactWindowLink, contactWindow, phoneId)) as { ok: true; value: PersonDetails };
    // The window's contact is hidden behind the person again: the card is the person's.
    expect(linked.value.id).toBe(phoneId);
    expect(linked.value.parts.map((p) => p.id)).toEqual([phoneId, googleId]);
  });

  it('refuses to link a contact this card is not kept apart from', async () => {
    const { invoke, synced } = setupBook('p-zoe');
    book.store.unlink(Number(idOf(book.db, 'g-zoe')));
    for (const bad of [idOf(book.db, 'g-zed'), idOf(book.db, 'p-zoe'), 'abc', 7]) {
      expect(await invoke(IPC.contactWindowLink, contactWindow, bad)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    }
    expect(await invoke(IPC.contactWindowLink, fromTopFrame(MAIN_WINDOW_ID), idOf(book.db, 'g-zoe'))).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(synced).not.toHaveBeenCalled();
    expect(book.store.getPerson(idOf(book.db, 'p-zoe'))!.parts).toHaveLength(1);
  });
});

describe('security/createExternalOpener', () => {
  const setup = () => {
    const openExternal = vi.fn(async (_url: string) => undefined);
    const log = vi.fn();
    return { openExternal, log, opener: createExternalOpener({ shell: { openExternal }, log }) };
  };

  it('opens safe web links and refuses anything else, logged', () => {
    const { opener, openExternal, log } = setup();
    expect(opener.openWebLink('https://www.ringcentral.com/')).toBe(true);
    expect(opener.openWebLink('file:///etc/passwd')).toBe(false);
    expect(opener.openWebLink('javascript:alert(1)')).toBe(false);
    expect(openExternal.mock.calls).toEqual([['https://www.ringcentral.com/']]);
    expect(log).toHaveBeenCalledTimes(2);
  });

  it.each(['a@b.c?subject=x', 'a b@c.d', 'a@b', '<a@b.c>', 'a@b.c/..'])('refuses to mail %j', (address) => {
    const { opener, openExternal } = setup();
    expect(opener.openMailto(address)).toBe(false);
    expect(openExternal).not.toHaveBeenCalled();
  });
});

describe('security/createExternalOpener openLink: which links a contact\'s website may open', () => {
  it.each([
    ['https://example.com/a?b=1#c', 'https://example.com/a?b=1#c'],
    ['http://example.com', 'http://example.com'],
    ['HTTPS://EXAMPLE.COM/', 'HTTPS://EXAMPLE.COM/'],
    ['mailto:ada@example.com', 'mailto:ada@example.com'],
    ['mailto:o%27brien@example.com', "mailto:o'brien@example.com"],
    ['javascript:alert(1)', null],
    ['file:///etc/passwd', null],
    ['ftp://files.example.com/', null],
    ['smb://server/share', null],
    ['data:text/html,<script>alert(1)</script>', null],
    ['vbscript:msgbox', null],
    ['https://user:secret@example.com/', null],
    ['https://example.com/$(reboot)', null],
    ['https://example.com/`id`', null],
    ['https://exa\nmple.com/', null],
    ['mailto:a@b.c?cc=evil@x.com', null],
    ['mailto:a@b.c%0D%0ABcc:x@y.z', null],
    ['mailto:', null],
    ['mailto:%E0%A4%A', null],
  ])('%s → %s', (url, opened) => {
    const openExternal = vi.fn(async (_url: string) => undefined);
    const opener = createExternalOpener({ shell: { openExternal }, log: vi.fn() });
    expect(opener.openLink(url)).toBe(opened !== null);
    expect(openExternal.mock.calls).toEqual(opened === null ? [] : [[opened]]);
  });
});
