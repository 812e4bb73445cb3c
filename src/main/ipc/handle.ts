/**
 * The one gate every IPC call goes through. A call is served only when
 * - it comes from the top frame of one of our windows (`event.senderFrame`, Electron checklist
 *   item 17: "all web frames can in theory send IPC messages", including the widget iframe),
 *   showing one of our own pages (the app origin),
 * - the window is one the channel's table entry lists in `from` (src/shared/ipc.ts),
 * - the argument passes the channel's zod schema (`SCHEMAS`, keyed by the same table).
 * Otherwise the call is logged and answered with an error `Result`; nothing else happens.
 * Handlers never throw across IPC: an exception becomes an `internal` error result.
 */
import type { z } from 'zod';
import { fail, type Result } from '../../shared/result';
import { CHANNELS, type ArgOf, type InboundName, type InvokeName, type SendName, type ValueOf, type WindowKind } from '../../shared/ipc';
import { isAppUrl } from '../security/urls';
import { SCHEMAS } from './schemas';

/** The fields of an IPC event the gate reads (Electron's IpcMainEvent / IpcMainInvokeEvent). */
export interface IpcEventLike {
  sender: { id: number };
  senderFrame: { url: string; parent: unknown } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => unknown): void;
  on(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => void): unknown;
}

/** Which of our windows owns a WebContents (undefined: none of ours, or one gone). */
export type WindowOf = (webContentsId: number) => WindowKind | undefined;

export interface CallContext {
  webContentsId: number;
  window: WindowKind;
}

export interface IpcGateDeps {
  ipcMain: IpcMainLike;
  appOrigin: string;
  windowOf: WindowOf;
  log: (message: string) => void;
}

type Answer<K extends InvokeName> = Result<ValueOf<K>> | Promise<Result<ValueOf<K>>>;

export interface IpcGate {
  /** `invoke` channels: answers with the handler's Result, or an error Result. */
  handle<K extends InvokeName>(name: K, fn: (arg: ArgOf<K>, ctx: CallContext) => Answer<K>): void;
  /** `send` channels: no answer; rejected messages are logged and dropped. */
  on<K extends SendName>(name: K, fn: (arg: ArgOf<K>, ctx: CallContext) => void): void;
}

/** Checks sender and argument; returns the parsed argument or the error to answer with. */
export function checkCall<S extends z.ZodType>(
  event: IpcEventLike,
  args: unknown[],
  schema: S,
  from: readonly WindowKind[],
  windowOf: WindowOf,
  appOrigin: string,
): Result<{ arg: z.infer<S>; window: WindowKind }> {
  const frame = event.senderFrame;
  const window = windowOf(event.sender.id);
  if (!frame || frame.parent !== null || !isAppUrl(frame.url, appOrigin) || window === undefined || !from.includes(window)) {
    return fail('forbidden-sender', `sender not allowed: ${frame ? frame.url : '(no frame)'}`);
  }
  if (args.length > 1) return fail('bad-request', 'expected at most one argument');
  const parsed = schema.safeParse(args[0]);
  if (!parsed.success) return fail('bad-request', parsed.error.issues.map((i) => `${i.path.join('.') || '(arg)'}: ${i.message}`).join('; '));
  return { ok: true, value: { arg: parsed.data, window } };
}

/** Creates the gate over `ipcMain`: channel, schema and allowed windows come from the table. */
export function createIpcGate({ ipcMain, appOrigin, windowOf, log }: IpcGateDeps): IpcGate {
  const check = (name: InboundName, event: IpcEventLike, args: unknown[]) => {
    const checked = checkCall(event, args, SCHEMAS[name], CHANNELS[name].from, windowOf, appOrigin);
    if (!checked.ok) log(`ipc ${CHANNELS[name].channel} rejected: ${checked.error.message}`);
    return checked;
  };
  return {
    handle(name, fn) {
      const channel = CHANNELS[name].channel;
      ipcMain.handle(channel, async (event, ...args) => {
        const checked = check(name, event, args);
        if (!checked.ok) return checked;
        try {
          return await fn(checked.value.arg as ArgOf<typeof name>, { webContentsId: event.sender.id, window: checked.value.window });
        } catch (error) {
          log(`ipc ${channel} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
          return fail('internal', 'internal error');
        }
      });
    },
    on(name, fn) {
      const channel = CHANNELS[name].channel;
      ipcMain.on(channel, (event, ...args) => {
        const checked = check(name, event, args);
        if (!checked.ok) return;
        try {
          fn(checked.value.arg as ArgOf<typeof name>, { webContentsId: event.sender.id, window: checked.value.window });
        } catch (error) {
          log(`ipc ${channel} failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      });
    },
  };
}
