/**
 * The Settings window in real Chromium, over main's real settings handlers and a real
 * settings.json: a bad value is explained next to its field as it is typed and Save stays off;
 * a good one saves to the file and applies at once (the periodic CardDAV sync re-arms); a bad
 * value a hand edit left in settings.json is shown at its field.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/windows';

const saved = (dir: string): Record<string, unknown> => JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')) as Record<string, unknown>;
/** The error line under a field, found through its label. */
const fieldError = (page: Page, label: string) =>
  page.locator('.field', { has: page.getByLabel(label, { exact: true }) }).locator('.field-error');

test.describe('Settings window', () => {
  test('explains a bad value next to its field, keeps Save off, then saves and applies without a restart', async ({ settingsWindow: w }) => {
    await w.open();
    const { page } = w;
    // Created with defaults at first start.
    expect(saved(w.dir)).toMatchObject({ carddavSyncMinutes: 15 });
    expect(w.syncTimerMs()).toBe(15 * 60_000);
    const save = page.getByRole('button', { name: 'Save' });
    await expect(save).toBeDisabled();

    const minutes = page.getByLabel('Sync every (minutes)');
    await expect(minutes).toHaveValue('15');
    await minutes.fill('2.5');
    await expect(fieldError(page, 'Sync every (minutes)')).toHaveText('must be a whole number of minutes');
    await expect(minutes).toHaveAttribute('aria-invalid', 'true');
    await expect(save).toBeDisabled();
    await minutes.fill('-3');
    await expect(fieldError(page, 'Sync every (minutes)')).toHaveText('must be 0 (off) or more');

    const url = page.getByLabel('Widget URL');
    await url.fill('http://example.com/app.html');
    await expect(fieldError(page, 'Widget URL')).toHaveText('must be an https URL (http only on 127.0.0.1 / localhost)');

    await url.fill('https://widget.example.com/app.html');
    await expect(fieldError(page, 'Widget URL')).toHaveText('');
    await minutes.fill('30');
    await expect(fieldError(page, 'Sync every (minutes)')).toHaveText('');
    await expect(save).toBeEnabled();
    // Nothing reached the file while typing.
    expect(saved(w.dir)).toMatchObject({ carddavSyncMinutes: 15 });

    await save.click();
    await expect(page.locator('.form-status')).toHaveText('Saved; the widget reloads with the new settings.');
    expect(saved(w.dir)).toMatchObject({ widgetUrl: 'https://widget.example.com/app.html', carddavSyncMinutes: 30 });
    expect(w.controller.current().carddavSyncMinutes).toBe(30);
    expect(w.syncTimerMs()).toBe(30 * 60_000);
    // The form shows what was saved, and has nothing left to save.
    await expect(page.getByLabel('Sync every (minutes)')).toHaveValue('30');
    await expect(page.getByRole('button', { name: 'Save' })).toBeDisabled();

    await page.getByLabel('Sync every (minutes)').fill('0');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.locator('.form-status')).toHaveText('Saved.');
    expect(w.syncTimerMs()).toBeNull();
  });

  test('shows a bad value a hand edit left in settings.json at its field, and saving repairs it', async ({ settingsWindow: w }) => {
    writeFileSync(join(w.dir, 'settings.json'), JSON.stringify({ carddavSyncMinutes: 'often', region: 'de' }));
    await w.open();
    const { page } = w;
    expect(w.reports).toEqual(['settings.json: "carddavSyncMinutes" Invalid input: expected number, received string; using the default']);
    await expect(fieldError(page, 'Sync every (minutes)')).toHaveText('settings.json held a bad value (Invalid input: expected number, received string); the default is shown.');
    await expect(page.getByLabel('Sync every (minutes)')).toHaveValue('15');
    await expect(page.getByLabel('Default phone region')).toHaveValue('DE');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.locator('.form-status')).toHaveText('Saved.');
    expect(saved(w.dir)).toMatchObject({ carddavSyncMinutes: 15 });
    await expect(fieldError(page, 'Sync every (minutes)')).toHaveText('');
  });
});
