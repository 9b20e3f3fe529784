/**
 * The one way main registers an IPC handler: the sender must be the app's own page (top frame), and the
 * arguments must pass a zod schema. A failure is an Error naming the channel and what was wrong.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { z } from 'zod';
import { describeZodError } from '../contract/state';

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

/** True when the call comes from the app page's main frame (not an iframe, not another page). */
export function senderIsApp(event: IpcMainInvokeEvent, isAppUrl: (url: string) => boolean): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

export function handle<Args extends z.ZodTuple>(
  channel: string,
  args: Args,
  isTrusted: SenderCheck,
  run: (args: z.infer<Args>, event: IpcMainInvokeEvent) => unknown,
): void {
  ipcMain.handle(channel, (event, ...raw: unknown[]) => {
    if (!isTrusted(event)) {
      throw new Error(`${channel}: refused, the call did not come from the Backstep page`);
    }
    const parsed = args.safeParse(raw);
    if (!parsed.success) throw new Error(`${channel}: bad argument: ${describeZodError(parsed.error)}`);
    return run(parsed.data, event);
  });
}
