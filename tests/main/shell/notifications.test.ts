import { describe, expect, it, vi } from 'vitest';
import { callNotificationText, createCallNotifier } from '../../../src/main/notifications';

function setup(name: string | null) {
  const shown: Array<{ options: { title?: string; body?: string }; handlers: Map<string, () => void> }> = [];
  const showWindow = vi.fn();
  const notifier = createCallNotifier({
    isSupported: () => true,
    createNotification: (options) => {
      const handlers = new Map<string, () => void>();
      shown.push({ options, handlers });
      return { on: (e: string, f: () => void) => handlers.set(e, f), show: vi.fn() };
    },
    lookupName: vi.fn(async () => name),
    showWindow,
    log: vi.fn(),
  });
  return { notifier, shown, showWindow };
}

describe('notifications/createCallNotifier', () => {
  it('names the caller from the local address book', async () => {
    const { notifier, shown } = setup('Ada Lovelace');
    await notifier.notify({ from: '+15551234567', fromUserName: 'WIRELESS CALLER' });
    expect(shown[0]!.options).toMatchObject({ title: 'Incoming call', body: 'Ada Lovelace (+15551234567)' });
  });

  it('falls back to the caller ID name, then the number', async () => {
    expect(callNotificationText({ from: '+1555', fromUserName: 'WIRELESS CALLER' }, null).body).toBe('WIRELESS CALLER (+1555)');
    expect(callNotificationText({ from: '+1555' }, null).body).toBe('+1555');
  });

  it('shows the app when the notification is clicked', async () => {
    const { notifier, shown, showWindow } = setup(null);
    await notifier.notify({ from: '+1555' });
    shown[0]!.handlers.get('click')!();
    expect(showWindow).toHaveBeenCalled();
  });

  it('keeps markup out of the body', () => {
    expect(callNotificationText({ from: '+1555' }, '<b>Eve</b><img src=x>').body).toBe('bEve/bimg src=x (+1555)');
  });
});
