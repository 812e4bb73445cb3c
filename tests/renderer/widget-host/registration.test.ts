/**
 * Registration in every order the real widget produces: its announcement before or after the
 * iframe's `load`, one notification or the logged-in pair, a reload started by the host or by
 * the widget itself, slow subresources. Each test checks every widget document the iframe
 * held: exactly one registration taken, none thrown, none posted before the document listened
 * (unless the test says why); where the widget announces itself before `load`, the
 * registration is checked at the announcement, since waiting for `load` costs seconds.
 */
import { describe, expect, it } from 'vitest';
import { createWidgetHost } from '../../../src/renderer/widget-host/host';
import { fakeWidget } from './fake-widget';
import type { FakeDocument } from './fake-widget';
import { config, fakeApi, fakeDom } from './fakes';

function setup() {
  const dom = fakeDom();
  const widget = fakeWidget(dom);
  const { api, command } = fakeApi();
  const host = createWidgetHost({ window: dom.window, frame: dom.frame, api, config });
  host.start();
  return { dom, widget, api, command, host };
}

const summary = (docs: FakeDocument[]) => docs.map((d) => ({ id: d.id, accepted: d.accepted, errors: d.errors, lost: d.lost }));
/** One registration taken per document, none thrown, none posted to a document not listening yet. */
const onceEach = (docs: FakeDocument[]) => docs.map((d) => ({ id: d.id, accepted: 1, errors: 0, lost: 0 }));

/** A logged-in user's start: `false`, then `true` 0.5–2.4 s later. */
async function loggedInPair(widget: ReturnType<typeof fakeWidget>) {
  await widget.announce(false);
  await widget.announce(true);
}

describe('widget-host/registration: first load', () => {
  it('load first, then the announcement (offline and fast): registers at the announcement', async () => {
    const { widget } = setup();
    await widget.load();
    expect(widget.current().accepted).toBe(0);
    await widget.announce(false);
    expect(summary(widget.documents)).toEqual(onceEach(widget.documents));
  });

  it('announcement seconds before load (slow fonts): registers at once, not at load, and not again', async () => {
    const { widget } = setup();
    await widget.announce(false);
    expect(widget.current().accepted).toBe(1); // no waiting for `load`
    await widget.load();
    expect(summary(widget.documents)).toEqual(onceEach(widget.documents));
  });

  it('the logged-in pair after load registers once', async () => {
    const { widget } = setup();
    await widget.load();
    await loggedInPair(widget);
    expect(summary(widget.documents)).toEqual(onceEach(widget.documents));
  });

  it('the logged-in pair around load registers once', async () => {
    const { widget } = setup();
    await widget.announce(false);
    await widget.load();
    await widget.announce(true);
    expect(summary(widget.documents)).toEqual(onceEach(widget.documents));
  });

  it('the logged-in pair before load registers once', async () => {
    const { widget } = setup();
    await loggedInPair(widget);
    await widget.load();
    expect(summary(widget.documents)).toEqual(onceEach(widget.documents));
  });

  it('logins and logouts in one document never register again', async () => {
    const { widget } = setup();
    await widget.load();
    for (const loggedIn of [false, true, false, true, false]) await widget.announce(loggedIn);
    expect(summary(widget.documents)).toEqual(onceEach(widget.documents));
  });
});

describe('widget-host/registration: reload started by the host', () => {
  it.each([
    ['load first', async (w: ReturnType<typeof fakeWidget>) => { await w.load(); await w.announce(false); }],
    ['announcement first', async (w: ReturnType<typeof fakeWidget>) => {
      await w.announce(false);
      expect(w.current().accepted).toBe(1); // not held until `load`
      await w.load();
    }],
    ['logged-in pair before load', async (w: ReturnType<typeof fakeWidget>) => {
      await w.announce(false);
      expect(w.current().accepted).toBe(1);
      await w.announce(true);
      await w.load();
    }],
  ])('registers once in the new document (%s)', async (_name, start) => {
    const { widget, command } = setup();
    await widget.load();
    await loggedInPair(widget);
    command({ kind: 'reload-widget' });
    await expect.poll(() => widget.documents.length).toBe(2);
    await start(widget);
    expect(summary(widget.documents)).toEqual(onceEach(widget.documents));
  });
});

describe('widget-host/registration: the widget reloads itself', () => {
  it('fast (load, then the announcement)', async () => {
    const { widget } = setup();
    await widget.load();
    await loggedInPair(widget);
    widget.selfReload();
    await widget.load();
    await widget.announce(false);
    // The `true` of the pair was never placed by a /contacts: it could have been a new
    // document's announcement, so the host registered at `load` too, before this one listened.
    expect(summary(widget.documents)).toEqual([
      { id: 1, accepted: 1, errors: 0, lost: 0 },
      { id: 2, accepted: 1, errors: 0, lost: 1 },
    ]);
  });

  it('fast, after the Contacts tab was visited: registers at the announcement only', async () => {
    const { widget } = setup();
    await widget.load();
    await loggedInPair(widget);
    await widget.visitContactsTab();
    widget.selfReload();
    await widget.load();
    expect(widget.current().lost).toBe(0);
    await widget.announce(false);
    expect(summary(widget.documents)).toEqual(onceEach(widget.documents));
  });

  it('slow subresources, logged out: registers at the announcement, before load', async () => {
    const { widget } = setup();
    await widget.load();
    await widget.announce(false);
    widget.selfReload();
    await widget.announce(false); // arrives while the host holds the old document's state
    expect(widget.current().accepted).toBe(1);
    await widget.load();
    expect(summary(widget.documents)).toEqual(onceEach(widget.documents));
  });

  it('slow subresources, logged in (the whole pair before load): registers at load', async () => {
    const { widget } = setup();
    await widget.load();
    await loggedInPair(widget);
    widget.selfReload();
    await loggedInPair(widget);
    await widget.load();
    expect(summary(widget.documents)).toEqual(onceEach(widget.documents));
  });

  it('slow subresources, logged in (load between the pair)', async () => {
    const { widget } = setup();
    await widget.load();
    await loggedInPair(widget);
    widget.selfReload();
    await widget.announce(false);
    await widget.load();
    await widget.announce(true);
    expect(summary(widget.documents)).toEqual(onceEach(widget.documents));
  });

  it('twice in a row, then the user logs out and in: once per document', async () => {
    const { widget } = setup();
    await widget.announce(false);
    await widget.load();
    widget.selfReload();
    await widget.announce(false);
    await widget.load();
    widget.selfReload();
    await widget.load();
    await loggedInPair(widget);
    await widget.announce(false);
    await widget.announce(true);
    expect(summary(widget.documents)).toEqual(onceEach(widget.documents));
  });

  it('after a logout, a fast self-reload: a registration the new document could not hear yet is repeated', async () => {
    const { widget } = setup();
    await widget.load();
    await loggedInPair(widget);
    await widget.announce(false); // logout: the host cannot tell it from a new document's start
    widget.selfReload();
    await widget.load(); // registers at once, in case the new document has announced
    await widget.announce(false);
    expect(summary(widget.documents)).toEqual([
      { id: 1, accepted: 1, errors: 0, lost: 0 },
      { id: 2, accepted: 1, errors: 0, lost: 1 },
    ]);
  });

  it('the logged-in pair before the first load, then a fast self-reload: nothing posted before the new document listens', async () => {
    const { widget } = setup();
    await loggedInPair(widget);
    await widget.load();
    widget.selfReload();
    await widget.load();
    await widget.announce(false);
    expect(summary(widget.documents)).toEqual(onceEach(widget.documents));
  });

  it('a second slow self-reload right after the first one loaded registers at its announcement, not at its load', async () => {
    const { widget } = setup();
    await widget.load();
    await loggedInPair(widget);
    widget.selfReload();
    await widget.announce(false);
    await widget.load(); // the document that announced registers here
    widget.selfReload(); // before that document could report its login
    await widget.announce(false);
    expect(widget.current().accepted).toBe(1);
    await widget.load();
    expect(summary(widget.documents)).toEqual(onceEach(widget.documents));
  });
});
