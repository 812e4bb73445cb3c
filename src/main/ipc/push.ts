/**
 * main → page messages (the table's `listen` channels), typed by the table so a payload of the
 * wrong shape does not compile.
 */
import { CHANNELS, type ArgOf, type ListenName } from '../../shared/ipc';

export interface WebContentsLike {
  send(channel: string, ...args: unknown[]): void;
}

export function push<K extends ListenName>(contents: WebContentsLike, name: K, payload: ArgOf<K>): void {
  contents.send(CHANNELS[name].channel, payload);
}
