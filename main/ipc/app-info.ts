/** app:info — names and versions for Help → About. */
import { app } from 'electron';
import { z } from 'zod';
import { CHANNELS, type AppInfo } from '../contract/bridge';
import type { MainContext } from './context';
import { handle } from './handle';

export function appInfo(): AppInfo {
  return {
    name: app.getName(),
    version: app.getVersion(),
    electron: process.versions.electron ?? '',
    chrome: process.versions.chrome ?? '',
    node: process.versions.node,
    v8: process.versions.v8,
    platform: `${process.platform} ${process.arch}`,
  };
}

export function registerAppInfo(ctx: MainContext): void {
  handle(CHANNELS.appInfo, z.tuple([]), ctx.isTrusted, () => appInfo());
}
