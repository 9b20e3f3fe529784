/**
 * The only door between the page and the desktop: each function calls `invoke` on one fixed channel.
 * Nothing generic is exposed (no send/invoke on any channel, no ipcRenderer, no process), per Electron's
 * context-isolation guide. Runs sandboxed, so it may import only `electron`.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNELS, type BackstepBridge } from './contract/bridge';

/** Subscribe to a main → renderer channel; the returned function unsubscribes. */
function listen<T>(channel: string, listener: (payload: T) => void): () => void {
  const wrapped = (_event: IpcRendererEvent, payload: T) => listener(payload);
  ipcRenderer.on(channel, wrapped);
  return () => {
    ipcRenderer.removeListener(channel, wrapped);
  };
}

const bridge: BackstepBridge = {
  appInfo: () => ipcRenderer.invoke(CHANNELS.appInfo),
  loadState: () => ipcRenderer.invoke(CHANNELS.loadState),
  saveState: (state) => ipcRenderer.invoke(CHANNELS.saveState, state),
  setTheme: (theme) => ipcRenderer.invoke(CHANNELS.setTheme, theme),
  openSession: () => ipcRenderer.invoke(CHANNELS.openSession),
  openRecent: (id) => ipcRenderer.invoke(CHANNELS.openRecent, id),
  saveSession: (session, suggestedName) => ipcRenderer.invoke(CHANNELS.saveSession, session, suggestedName),
  exportFile: (request) => ipcRenderer.invoke(CHANNELS.exportFile, request),
  printToPdf: (html, suggestedName) => ipcRenderer.invoke(CHANNELS.printToPdf, html, suggestedName),
  onCommand: (listener) => listen(CHANNELS.command, listener),
  onSessionOpened: (listener) => listen(CHANNELS.sessionOpened, listener),
  onRecentChanged: (listener) => listen(CHANNELS.recentChanged, listener),
};

contextBridge.exposeInMainWorld('backstep', bridge);
