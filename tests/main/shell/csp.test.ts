import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../src/main/security/csp';

describe('security/contentSecurityPolicy', () => {
  it('is the strict policy with the widget origin as the only frame source', () => {
    expect(contentSecurityPolicy('https://apps.ringcentral.com')).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; " +
        "frame-src https://apps.ringcentral.com; connect-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'",
    );
  });

  it('allows no inline script, eval or plugin', () => {
    const csp = contentSecurityPolicy('https://apps.ringcentral.com');
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });

  it.each(["https://x.example; script-src 'unsafe-inline'", 'https://x.example https://evil.example', "'self'", 'javascript:x', ''])(
    'refuses to build a policy from a non-origin %j',
    (bad) => {
      expect(() => contentSecurityPolicy(bad)).toThrow();
    },
  );

  it('matches the static meta policy of index.html except for frame-src', async () => {
    const { readFileSync } = await import('node:fs');
    const html = readFileSync(new URL('../../../src/renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    const withoutFrame = (p: string) => p.split('; ').filter((d) => !d.startsWith('frame-src')).join('; ');
    expect(withoutFrame(meta!)).toBe(withoutFrame(contentSecurityPolicy('https://apps.ringcentral.com')));
  });
});
