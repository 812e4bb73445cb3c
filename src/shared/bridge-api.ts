/**
 * Builds the `window.softphone` object from the channel table over a transport (the preload's
 * `ipcRenderer`, or the e2e test bridge's binding). Nothing but the table's functions reaches
 * the page: no channel names, no event objects, no generic invoke.
 *
 * Self-contained on purpose (no imports, no outer references, plain ES2020): the e2e test
 * bridge serializes this function into the page with `Function.prototype.toString`.
 */
import type { SoftphoneApi } from './api';
import type { ChannelSpec } from './ipc';

export interface BridgeTransport {
  invoke(channel: string, args: unknown[]): Promise<unknown>;
  send(channel: string, args: unknown[]): void;
  /** Subscribes to main's messages on `channel`; returns the unsubscribe function. */
  listen(channel: string, listener: (payload: unknown) => void): () => void;
}

export function buildSoftphoneApi(table: Readonly<Record<string, ChannelSpec>>, transport: BridgeTransport): SoftphoneApi {
  const api: Record<string, Record<string, unknown>> = {};
  for (const spec of Object.values(table)) {
    const dot = spec.api.indexOf('.');
    const group = spec.api.slice(0, dot);
    const name = spec.api.slice(dot + 1);
    const channel = spec.channel;
    let fn: unknown;
    if (spec.kind === 'invoke') fn = (...args: unknown[]) => transport.invoke(channel, args);
    else if (spec.kind === 'send') fn = (...args: unknown[]) => void transport.send(channel, args);
    else fn = (listener: (payload: unknown) => void) => transport.listen(channel, (payload) => listener(payload));
    if (!api[group]) api[group] = {};
    api[group][name] = fn;
  }
  for (const group of Object.keys(api)) Object.freeze(api[group]);
  return Object.freeze(api) as unknown as SoftphoneApi;
}
