/** The Add CardDAV account form's checks (carddav/login.ts), as the page runs them while the user types. */
import { describe, expect, it } from 'vitest';
import { checkLogin } from '../../../../src/main/contacts/carddav/login';

const good = { server: 'cloud.example.com', username: 'ada', password: 'app-password' };

describe('carddav/checkLogin', () => {
  it('accepts a bare host, an https URL and http to this machine', () => {
    expect(checkLogin(good)).toEqual({});
    expect(checkLogin({ ...good, server: 'https://cloud.example.com/remote.php/dav' })).toEqual({});
    expect(checkLogin({ ...good, server: '127.0.0.1:5232' })).toEqual({});
    expect(checkLogin({ ...good, server: 'http://localhost:5232/' })).toEqual({});
  });

  it('explains each bad field in the words main refuses it with', () => {
    expect(checkLogin({ server: '', username: ' ', password: '' })).toEqual({
      server: 'no server URL given',
      username: 'a username is needed',
      password: 'a password (or app password) is needed',
    });
    expect(checkLogin({ ...good, server: 'http://cloud.example.com' }).server).toBe('refusing http://cloud.example.com: only https is allowed (plain http only to this machine)');
    expect(checkLogin({ ...good, server: 'ftp://cloud.example.com' }).server).toMatch(/^not a web address/);
  });
});
