import { describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  isAcceptableWidgetOrigin,
  isAppUrl,
  isSafeExternalUrl,
  isWidgetOrigin,
  isWidgetSignInUrl,
  isWidgetUrl,
} from '../../../src/main/security/urls';

const WIDGET = 'https://apps.ringcentral.com';

describe('security/isAppUrl', () => {
  it.each([
    ['app://softphone/index.html', true],
    ['app://softphone/contact.html', true],
    ['app://softphone/', true],
    ['app://evil/index.html', false],
    ['app://softphone.evil/index.html', false],
    ['file:///work/main/out/renderer/index.html', false],
    ['https://apps.ringcentral.com/integration/ringcentral-embeddable/latest/app.html', false],
    ['http://localhost:5173/', false],
    ['javascript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['', false],
    [undefined, false],
  ])('%s → %s', (url, expected) => {
    expect(isAppUrl(url, APP_ORIGIN)).toBe(expected);
  });

  it('accepts the dev server origin only when it is the configured app origin', () => {
    expect(isAppUrl('http://localhost:5173/index.html', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('http://localhost:5174/index.html', 'http://localhost:5173')).toBe(false);
    expect(isAppUrl('app://softphone/index.html', 'http://localhost:5173')).toBe(false);
  });
});

describe('security/isWidgetOrigin', () => {
  it.each([
    ['https://apps.ringcentral.com', true],
    ['https://apps.ringcentral.com/', true],
    ['http://apps.ringcentral.com', false],
    ['https://apps.ringcentral.com:8443', false],
    ['https://apps.ringcentral.com.evil.example', false],
    ['https://evil.example', false],
    ['https://apps.ringcentral.com@evil.example', false],
    ['https://apps.ringcentral.com/path', false],
    ['null', false],
    ['', false],
    [null, false],
  ])('%s → %s', (origin, expected) => {
    expect(isWidgetOrigin(origin, WIDGET)).toBe(expected);
  });
});

describe('security/isWidgetUrl', () => {
  it.each([
    ['https://apps.ringcentral.com/integration/ringcentral-embeddable/latest/app.html', true],
    ['https://apps.ringcentral.com.evil.example/app.html', false],
    ['https://evil.example/?https://apps.ringcentral.com', false],
    ['https://apps.ringcentral.com@evil.example/app.html', false],
    ['https://user:pw@apps.ringcentral.com/app.html', false],
    ['javascript:alert(1)//https://apps.ringcentral.com', false],
    ['file:///etc/passwd', false],
  ])('%s → %s', (url, expected) => {
    expect(isWidgetUrl(url, WIDGET)).toBe(expected);
  });
});

describe('security/isWidgetSignInUrl', () => {
  it.each([
    ['https://login.ringcentral.com/?client_id=x', true],
    ['https://service.ringcentral.com/login', true],
    ['https://platform.ringcentral.com/restapi/oauth/authorize?response_type=code', true],
    ['https://apps.ringcentral.com/integration/ringcentral-embeddable/latest/redirect.html?code=1', true],
    ['https://apps.ringcentral.com/integration/ringcentral-embeddable/latest/app.html', false],
    ['http://login.ringcentral.com/', false],
    ['https://login.ringcentral.com.evil.example/', false],
    ['https://login.ringcentral.com@evil.example/', false],
    ['https://evil.example/?https://login.ringcentral.com', false],
    ['https://evil.example/redirect.html', false],
    ['javascript:alert(1)', false],
    ['data:text/html,hi', false],
  ])('%s → %s', (url, expected) => {
    expect(isWidgetSignInUrl(url, WIDGET)).toBe(expected);
  });

  it('trusts a configured app server origin only when passed', () => {
    const url = 'https://platform.example-sandbox.com/restapi/oauth/authorize';
    expect(isWidgetSignInUrl(url, WIDGET)).toBe(false);
    expect(isWidgetSignInUrl(url, WIDGET, ['https://platform.example-sandbox.com'])).toBe(true);
  });
});

describe('security/isSafeExternalUrl', () => {
  it.each([
    ['https://www.ringcentral.com/legal.html', true],
    ['http://example.com/', true],
    ['javascript:alert(1)', false],
    ['file:///C:/Windows/System32/calc.exe', false],
    ['file://server/share/x', false],
    ['data:text/html,<b>x</b>', false],
    ['vbscript:msgbox', false],
    ['ms-msdt:/id PCWDiagnostic', false],
    ['smb://evil.example/share', false],
    ['app://softphone/index.html', false],
    ['https://user:pw@evil.example/', false],
    ['https://apps.ringcentral.com@evil.example/', false],
    ['https://example.com/\u0000evil', false],
    ['https://example.com/%60calc%60', false],
    ['https://example.com/$(calc)', false],
    ['https://' + 'a'.repeat(9000) + '.com/', false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => {
    expect(isSafeExternalUrl(url)).toBe(expected);
  });
});

describe('security/isAcceptableWidgetOrigin', () => {
  it.each([
    ['https://apps.ringcentral.com', true],
    ['http://127.0.0.1:8765', true],
    ['http://localhost:8765', true],
    ['http://apps.ringcentral.com', false],
    ['https://apps.ringcentral.com/', false],
    ['file://', false],
  ])('%s → %s', (origin, expected) => {
    expect(isAcceptableWidgetOrigin(origin)).toBe(expected);
  });
});
