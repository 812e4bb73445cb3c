import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { handleAppProtocol, resolveAppPath, serveAppRequest } from '../../../src/main/security/app-protocol';

let root: string;
let outside: string;

beforeAll(() => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'app-protocol-'));
  root = path.join(base, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>x</title>');
  fs.writeFileSync(path.join(root, 'assets', 'main.js'), 'console.log(1)');
  outside = path.join(base, 'secret.txt');
  fs.writeFileSync(outside, 'secret');
});
afterAll(() => fs.rmSync(path.dirname(root), { recursive: true, force: true }));

describe('security/resolveAppPath', () => {
  it('maps app URLs to files under the root', () => {
    expect(resolveAppPath(root, 'app://softphone/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://softphone/assets/main.js')).toBe(path.join(root, 'assets', 'main.js'));
  });

  it.each([
    'app://softphone/../secret.txt',
    'app://softphone/%2e%2e/secret.txt',
    'app://softphone/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://softphone/..%5csecret.txt',
    'app://softphone/%00index.html',
    'app://softphone/%E0%A4%A',
    'app://other/index.html',
    'file:///etc/passwd',
    'not a url',
  ])('refuses %s', (url) => {
    const resolved = resolveAppPath(root, url);
    expect(resolved === null || resolved.startsWith(root + path.sep)).toBe(true);
    expect(resolved).not.toBe(outside);
  });

  it('refuses encoded traversal outright rather than clamping it', () => {
    expect(resolveAppPath(root, 'app://softphone/assets/%2e%2e%2f%2e%2e%2fsecret.txt')).toBeNull();
  });
});

describe('security/serveAppRequest', () => {
  const deps = { root, widgetOrigin: () => 'https://apps.ringcentral.com', log: vi.fn() };

  it('serves HTML with the CSP header naming the configured widget origin', async () => {
    const response = await serveAppRequest({ ...deps, root }, { url: 'app://softphone/index.html', method: 'GET' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(response.headers.get('content-security-policy')).toContain('frame-src https://apps.ringcentral.com;');
    expect(await response.text()).toContain('<title>x</title>');
  });

  it('serves scripts with their type and no CSP', async () => {
    const response = await serveAppRequest({ ...deps, root }, { url: 'app://softphone/assets/main.js', method: 'GET' });
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers 403 for traversal, 404 for a missing file and 405 for POST', async () => {
    const log = vi.fn();
    expect((await serveAppRequest({ ...deps, root, log }, { url: 'app://softphone/assets/%2e%2e%2f%2e%2e%2fsecret.txt', method: 'GET' })).status).toBe(403);
    expect(log).toHaveBeenCalled();
    expect((await serveAppRequest({ ...deps, root }, { url: 'app://softphone/nope.html', method: 'GET' })).status).toBe(404);
    expect((await serveAppRequest({ ...deps, root }, { url: 'app://softphone/index.html', method: 'POST' })).status).toBe(405);
  });

  it('registers a handler for the app scheme', () => {
    const protocol = { handle: vi.fn() };
    handleAppProtocol({ ...deps, root, protocol: protocol as never });
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });
});
