import { describe, expect, it, vi } from 'vitest';
import { createWidgetEventHandler } from '../../../src/main/app/widget-events';
import { createLinkQueue } from '../../../src/main/protocol-links';

function setup(callPop = false) {
  const send = vi.fn();
  const links = createLinkQueue({ send });
  const deps = { links, setWidgetRegion: vi.fn(), notifyCall: vi.fn(), callPop: () => callPop, openCaller: vi.fn(), log: vi.fn() };
  return { handle: createWidgetEventHandler(deps), deps, send, links };
}

describe('app/createWidgetEventHandler', () => {
  it('sends a queued tel: link only once the dialer reports ready', () => {
    const { handle, send, links } = setup();
    links.push({ kind: 'new-call', phoneNumber: '+15551234567' });
    handle({ kind: 'dialer-status', ready: false });
    expect(send).not.toHaveBeenCalled();
    handle({ kind: 'dialer-status', ready: true });
    expect(send).toHaveBeenCalledWith({ kind: 'new-call', phoneNumber: '+15551234567' });
  });

  it('holds links again after the widget reloads', () => {
    const { handle, send, links } = setup();
    handle({ kind: 'dialer-status', ready: true });
    handle({ kind: 'widget-loaded' });
    links.push({ kind: 'new-call', phoneNumber: '+1555' });
    expect(send).not.toHaveBeenCalled();
  });

  it('passes the widget region on and rings notifications', () => {
    const { handle, deps } = setup();
    handle({ kind: 'region', countryCode: 'GB' });
    handle({ kind: 'call-ring', from: '+441234' });
    expect(deps.setWidgetRegion).toHaveBeenCalledWith('GB');
    expect(deps.notifyCall).toHaveBeenCalledWith({ kind: 'call-ring', from: '+441234' });
  });

  it('opens the caller\'s contact window on a ringing call only with the callPop setting', () => {
    const off = setup(false);
    off.handle({ kind: 'call-ring', from: '+441234' });
    expect(off.deps.openCaller).not.toHaveBeenCalled();
    const on = setup(true);
    on.handle({ kind: 'call-ring', from: '+441234' });
    expect(on.deps.openCaller).toHaveBeenCalledWith('+441234');
    on.handle({ kind: 'dialer-status', ready: true });
    expect(on.deps.openCaller).toHaveBeenCalledTimes(1);
  });
});
