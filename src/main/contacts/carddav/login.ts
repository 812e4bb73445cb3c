/**
 * Checks a CardDAV login as the Address books window's form holds it, before any request: pure
 * (no Node, no Electron), so the page explains a bad field with the words main would refuse it
 * with, as the settings window does with the settings schema.
 */
import { describeError } from './errors';
import { serverUrlFrom } from './urls';

export interface LoginDraft {
  server: string;
  username: string;
  password: string;
}

/** What is wrong with each field, by field; empty when the login can be tried. */
export function checkLogin(draft: LoginDraft): Partial<Record<keyof LoginDraft, string>> {
  const problems: Partial<Record<keyof LoginDraft, string>> = {};
  try {
    serverUrlFrom(draft.server);
  } catch (error) {
    problems.server = describeError(error);
  }
  if (draft.username.trim() === '') problems.username = 'a username is needed';
  if (draft.password === '') problems.password = 'a password (or app password) is needed';
  return problems;
}
