import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSettingsController } from '../../../src/main/settings/controller';
import { widgetSettingsChanged } from '../../../src/main/settings/widget-config';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'settings-ctl-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const file = () => join(dir, 'settings.json');
function setup() {
  const onApply = vi.fn();
  const report = vi.fn();
  return { controller: createSettingsController({ dir, onApply, report }), onApply, report };
}

describe('settings/createSettingsController', () => {
  it('creates settings.json with the defaults at first start', () => {
    const { controller } = setup();
    expect(JSON.parse(readFileSync(file(), 'utf8'))).toEqual(controller.current());
  });

  it('saves a valid change atomically and applies it at once, with the settings before it', () => {
    const { controller, onApply } = setup();
    const result = controller.save({ region: 'DE', widgetUrl: 'http://127.0.0.1:8765/app.html' });
    expect(result).toMatchObject({ ok: true, value: { region: 'DE' } });
    expect(JSON.parse(readFileSync(file(), 'utf8'))).toMatchObject({ region: 'DE', widgetUrl: 'http://127.0.0.1:8765/app.html' });
    expect(readdirSync(dir)).toEqual(['settings.json']);
    const [after, before] = onApply.mock.calls[0]!;
    expect(before.region).toBe('');
    expect(after.region).toBe('DE');
    expect(widgetSettingsChanged(before, after)).toBe(true);
  });

  it('a region-only change does not count as a widget change (no reload)', () => {
    const { controller, onApply } = setup();
    controller.save({ region: 'FR' });
    const [after, before] = onApply.mock.calls[0]!;
    expect(widgetSettingsChanged(before, after)).toBe(false);
  });

  it('refuses a bad value, saying which key, and changes nothing', () => {
    const { controller, onApply } = setup();
    const before = readFileSync(file(), 'utf8');
    const result = controller.save({ widgetUrl: 'http://evil.example/app.html' });
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringContaining('widgetUrl') } });
    expect(readFileSync(file(), 'utf8')).toBe(before);
    expect(onApply).not.toHaveBeenCalled();
  });

  it('reports a hand-edited bad value once, naming the key, and again only after it was fixed and broken again', () => {
    const { controller, report, onApply } = setup();
    writeFileSync(file(), JSON.stringify({ region: 'Germany' }));
    controller.reload();
    controller.reload();
    expect(report).toHaveBeenCalledTimes(1);
    expect(report.mock.calls[0]![0]).toMatch(/"region"/);
    expect(controller.problems()).toEqual([{ key: 'region', message: expect.any(String) }]);
    expect(onApply).not.toHaveBeenCalled();
    writeFileSync(file(), JSON.stringify({ region: 'DE' }));
    controller.reload();
    expect(controller.current().region).toBe('DE');
    expect(controller.problems()).toEqual([]);
    writeFileSync(file(), JSON.stringify({ region: 'Germany' }));
    controller.reload();
    expect(report).toHaveBeenCalledTimes(2);
  });

  it('a reload that changes nothing applies nothing (its own save seen by the watcher)', () => {
    const { controller, onApply } = setup();
    controller.save({ callPop: true });
    controller.reload();
    expect(onApply).toHaveBeenCalledTimes(1);
  });
});
