import { describe, expect, it } from 'vitest';
import { buildWidgetConfig, signInOriginsFor, widgetSettingsChanged } from '../../../src/main/settings/widget-config';

describe('settings/buildWidgetConfig', () => {
  it('defaults to Embeddable latest/app.html and its origin', () => {
    const config = buildWidgetConfig({});
    expect(config).toMatchObject({
      ok: true,
      value: {
        widgetUrl: 'https://apps.ringcentral.com/integration/ringcentral-embeddable/latest/app.html',
        widgetOrigin: 'https://apps.ringcentral.com',
        serviceName: 'Address Book',
      },
    });
  });

  it('appends clientId and appServer', () => {
    const config = buildWidgetConfig({ clientId: 'abc&x=1', appServer: 'https://platform.devtest.ringcentral.com' });
    if (!config.ok) throw new Error('expected ok');
    const url = new URL(config.value.widgetUrl);
    expect(url.searchParams.get('clientId')).toBe('abc&x=1');
    expect(url.searchParams.get('appServer')).toBe('https://platform.devtest.ringcentral.com');
  });

  it.each(['http://apps.ringcentral.com/app.html', 'javascript:alert(1)', 'file:///tmp/app.html', 'https://u:p@apps.ringcentral.com/app.html', 'nonsense'])(
    'refuses the widget URL %s',
    (widgetUrl) => {
      expect(buildWidgetConfig({ widgetUrl })).toMatchObject({ ok: false });
    },
  );

  it('accepts a loopback simulator over http', () => {
    expect(buildWidgetConfig({ widgetUrl: 'http://127.0.0.1:8765/app.html' })).toMatchObject({ ok: true, value: { widgetOrigin: 'http://127.0.0.1:8765' } });
  });
});

describe('settings/widgetSettingsChanged', () => {
  it('reloads for widget fields only', () => {
    expect(widgetSettingsChanged({ clientId: 'a' }, { clientId: 'b' })).toBe(true);
    expect(widgetSettingsChanged({ clientId: '' }, {})).toBe(false);
    expect(widgetSettingsChanged({ widgetUrl: 'https://x/app.html' }, { widgetUrl: 'https://x/app.html' })).toBe(false);
  });

  it('trusts the app server as a sign-in origin', () => {
    expect(signInOriginsFor({ appServer: 'https://platform.devtest.ringcentral.com/' })).toEqual(['https://platform.devtest.ringcentral.com']);
    expect(signInOriginsFor({})).toEqual([]);
  });
});
