import { describe, expect, it } from 'vitest';
import { hrefPath, sameCollection, serverUrlFrom } from '../../../../src/main/contacts/carddav/urls';

describe('carddav/urls', () => {
  it('makes a bare host https, or http on this machine, and refuses http elsewhere', () => {
    expect(serverUrlFrom('dav.example.com').href).toBe('https://dav.example.com/');
    expect(serverUrlFrom('127.0.0.1:5232').href).toBe('http://127.0.0.1:5232/');
    expect(serverUrlFrom('http://localhost:5232/dav').href).toBe('http://localhost:5232/dav');
    expect(() => serverUrlFrom('http://dav.example.com')).toThrow(/only https is allowed/);
    expect(() => serverUrlFrom('ftp://dav.example.com')).toThrow(/not a web address/);
    expect(() => serverUrlFrom('https://ada:pw@dav.example.com')).toThrow(/username in --user/);
  });

  it('compares hrefs in one encoding, collections with or without the trailing slash', () => {
    const base = 'https://dav.example.com/ada/contacts/';
    expect(hrefPath('/ada/contacts/a%40b.vcf', base)).toBe(hrefPath('/ada/contacts/a@b.vcf', base));
    expect(hrefPath('x y.vcf', base)).toBe('/ada/contacts/x%20y.vcf');
    expect(hrefPath('/ada/contacts/Jos%C3%A9.vcf', base)).toBe(hrefPath('https://dav.example.com/ada/contacts/José.vcf', base));
    expect(sameCollection('/ada/contacts', base, base)).toBe(true);
    expect(sameCollection('/ada/contacts/a.vcf', base, base)).toBe(false);
  });
});
