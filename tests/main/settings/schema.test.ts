import { describe, expect, it } from 'vitest';
import { checkDraft, checkSetting, readSettings } from '../../../src/main/settings/schema';

describe('settings/checkSetting (the settings window validates with it as the user types)', () => {
  it.each([
    ['widgetUrl', 'https://apps.ringcentral.com/integration/ringcentral-embeddable/latest/app.html', true],
    ['widgetUrl', 'http://localhost:8765/app.html', true],
    ['widgetUrl', 'http://example.com/app.html', false],
    ['widgetUrl', 'not a url', false],
    ['appServer', '', true],
    ['appServer', 'https://platform.devtest.ringcentral.com', true],
    ['appServer', 'http://platform.devtest.ringcentral.com', false],
    ['region', '', true],
    ['region', 'DE', true],
    ['region', 'Germany', false],
    ['serviceName', '   ', false],
    ['closeAction', 'minimize', true],
    ['closeAction', 'explode', false],
    ['callPop', true, true],
    ['callPop', 'true', false],
    ['carddavSyncMinutes', 30, true],
    ['carddavSyncMinutes', 0, true],
    ['carddavSyncMinutes', 2.5, false],
    ['carddavSyncMinutes', -1, false],
  ] as const)('%s = %j is accepted: %s', (key, value, accepted) => {
    const message = checkSetting(key, value);
    if (accepted) expect(message).toBeNull();
    else expect(message).toEqual(expect.any(String));
  });

  it('explains a bad app server in words', () => {
    expect(checkSetting('appServer', 'ftp://x')).toMatch(/https/);
  });

  it('checkDraft gives the problems by key, only for the keys given', () => {
    expect(checkDraft({ region: 'xx', clientId: 'abc' })).toEqual({ region: expect.any(String) });
    expect(checkDraft({})).toEqual({});
  });

  it('readSettings names bad keys, ignores unknown ones, and defaults both', () => {
    const { settings, problems } = readSettings({ showRemotePhotos: 1, somethingElse: 2, serviceName: 'Kontakte' });
    expect(settings.showRemotePhotos).toBe(false);
    expect(settings.serviceName).toBe('Kontakte');
    expect(problems).toEqual([{ key: 'showRemotePhotos', message: expect.any(String) }]);
  });
});
