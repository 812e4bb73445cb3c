/**
 * The one gate every IPC call goes through. A call is served only when
 * - it comes from the top frame of one of our windows (`event.senderFrame`, Electron checklist
 *   item 17: "all web frames can in theory send IPC messages", including the widget iframe),
 *   showing one of our own pages (the app origin),
 * - the window is one this channel serves (the main window, or a contact window),
 * - the argument passes the channel's zod schema.
 * Otherwise the call is logged and answered with an error `Result`; nothing else happens.
 * Handlers never throw across IPC: an exception becomes an `internal` error result.
 */
import type { z } from 'zod';
import { fail, type Result } from '../../shared/result';
import type { IpcChannel } from '../../shared/ipc';
import { isAppUrl } from '../security/urls';

/** The fields of an IPC event the gate reads (Electron's IpcMainEvent / IpcMainInvokeEvent). */
export interface IpcEventLike {
  sender: { id: number };
  senderFrame: { url: string; parent: unknown } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => unknown): void;
  on(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => void): unknown;
}

/** Which windows a channel serves, decided by the sender's WebContents id. */
export type SenderFilter = (webContentsId: number) => boolean;

export interface CallContext {
  webContentsId: number;
}

export interface IpcGateDeps {
  ipcMain: IpcMainLike;
  appOrigin: string;
  log: (message: string) => void;
}

export interface IpcGate {
  /** `ipcRenderer.invoke` channels: answers with the handler's Result, or an error Result. */
  handle<S extends z.ZodType, T>(
    channel: IpcChannel,
    schema: S,
    from: SenderFilter,
    fn: (arg: z.infer<S>, ctx: CallContext) => Result<T> | Promise<Result<T>>,
  ): void;
  /** `ipcRenderer.send` channels: no answer; rejected messages are logged and dropped. */
  on<S extends z.ZodType>(channel: IpcChannel, schema: S, from: SenderFilter, fn: (arg: z.infer<S>, ctx: CallContext) => void): void;
}

/** Checks sender and argument; returns the parsed argument or the error to answer with. */
export function checkCall<S extends z.ZodType>(
  event: IpcEventLike,
  args: unknown[],
  schema: S,
  from: SenderFilter,
  appOrigin: string,
): Result<z.infer<S>> {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null || !isAppUrl(frame.url, appOrigin) || !from(event.sender.id)) {
    return fail('forbidden-sender', `sender not allowed: ${frame ? frame.url : '(no frame)'}`);
  }
  if (args.length > 1) return fail('bad-request', 'expected at most one argument');
  const parsed = schema.safeParse(args[0]);
  if (!parsed.success) return fail('bad-request', parsed.error.issues.map((i) => `${i.path.join('.') || '(arg)'}: ${i.message}`).join('; '));
  return { ok: true, value: parsed.data };
}

/** Creates the gate over `ipcMain`. */
export function createIpcGate({ ipcMain, appOrigin, log }: IpcGateDeps): IpcGate {
  return {
    handle(channel, schema, from, fn) {
      ipcMain.handle(channel, async (event, ...args) => {
        const checked = checkCall(event, args, schema, from, appOrigin);
        if (!checked.ok) {
          log(`ipc ${channel} rejected: ${checked.error.message}`);
          return checked;
        }
        try {
          return await fn(checked.value, { webContentsId: event.sender.id });
        } catch (error) {
          log(`ipc ${channel} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
          return fail('internal', 'internal error');
        }
      });
    },
    on(channel, schema, from, fn) {
      ipcMain.on(channel, (event, ...args) => {
        const checked = checkCall(event, args, schema, from, appOrigin);
        if (!checked.ok) {
          log(`ipc ${channel} rejected: ${checked.error.message}`);
          return;
        }
        try {
          fn(checked.value, { webContentsId: event.sender.id });
        } catch (error) {
          log(`ipc ${channel} failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      });
    },
  };
}
