import { afterEach, describe, expect, it, vi } from 'vitest';
import { createIpcGate } from '../../../src/main/ipc/handle';
import { registerContactWindowHandlers } from '../../../src/main/ipc/contact-window-handlers';
import { createExternalOpener, mailtoUrl } from '../../../src/main/security/external';
import type { PersonDetails } from '../../../src/shared/contact';
import { contact, idOf, openTestBook, type TestBook } from '../contacts/helpers';
import { IPC } from '../../../src/shared/ipc';
import { CONTACT_WINDOW_ID, MAIN_WINDOW_ID, fakeIpcMain, fromTopFrame, windowOf } from './ipc-fakes';

const ada = { id: '7', displayName: 'Ada', parts: [{ id: '7', displayName: 'Ada', source: null }] } as PersonDetails;

function setup() {
  const fake = fakeIpcMain();
  const gate = createIpcGate({ ipcMain: fake.ipcMain, appOrigin: 'app://softphone', windowOf, log: vi.fn() });
  const deps = {
    gate,
    contactIdFor: (id: number) => (id === CONTACT_WINDOW_ID ? '7' : undefined),
    getDetails: vi.fn((id: string) => (id === '7' ? ada : null)),
    dial: vi.fn(),
    unlink: vi.fn((_id: string) => false),
    openExternal: vi.fn(async (_url: string) => undefined),
  };
  const opener = createExternalOpener({ shell: { openExternal: deps.openExternal }, log: vi.fn() });
  registerContactWindowHandlers({ ...deps, openMailto: opener.openMailto });
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

  it('mailtoUrl percent-encodes everything but the @', () => {
    expect(mailtoUrl("o'brien+tag@example.com")).toBe("mailto:o'brien%2Btag@example.com");
  });
});

describe('ipc/contact-window:unlink, on a real address book', () => {
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
      dial: vi.fn(),
      openMailto: () => true,
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
