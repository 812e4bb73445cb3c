import { describe, expect, it, vi } from 'vitest';
import { watchSettings } from '../../../src/main/settings/settings-watch';

describe('settings/watchSettings', () => {
  it('calls back once per burst of events on settings.json, and ignores other files', () => {
    vi.useFakeTimers();
    try {
      let emit: (event: string, filename: string | null) => void = () => undefined;
      const close = vi.fn();
      const onChange = vi.fn();
      const stop = watchSettings({
        dir: '/data',
        watch: (_dir, listener) => {
          emit = listener;
          return { close } as never;
        },
        onChange,
        debounceMs: 100,
      });
      emit('rename', 'settings.json.123.tmp');
      emit('change', 'contacts.sqlite3-wal');
      vi.advanceTimersByTime(500);
      expect(onChange).not.toHaveBeenCalled();
      emit('rename', 'settings.json');
      emit('change', 'settings.json');
      vi.advanceTimersByTime(500);
      expect(onChange).toHaveBeenCalledTimes(1);
      stop();
      expect(close).toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });
});
