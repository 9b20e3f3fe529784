/**
 * The renderer's only door to the desktop. Every call works in both places: through the preload bridge
 * (`window.backstep`) in the desktop app, and with a browser fallback in web mode (localStorage for state,
 * a download to save, a file input to open, the browser's print for PDF).
 */
import type {
  AppInfo,
  BackstepBridge,
  CommandMessage,
  ExportRequest,
  LoadedState,
  OpenResult,
  RecentEntry,
  SaveResult,
} from '../../main/contract/bridge';
import { MAX_SESSION_BYTES, parseSessionText, tooLarge, type SessionFile } from '../../main/contract/session';
import {
  appStateSchema,
  describeZodError,
  freshAppState,
  type AppState,
  type Theme,
} from '../../main/contract/state';
import { version } from '../../package.json';

export type { AppInfo, CommandMessage, ExportRequest, LoadedState, OpenResult, RecentEntry, SaveResult };

const STATE_KEY = 'backstep.state.v1';
const RECENT_KEY = 'backstep.recent.v1';
const MAX_WEB_RECENT = 5;
/** localStorage holds about 5 MB in all; keep recent sessions small. */
const MAX_WEB_RECENT_CHARS = 512 * 1024;

function bridge(): BackstepBridge | undefined {
  return typeof window === 'undefined' ? undefined : window.backstep;
}

export function isDesktop(): boolean {
  return bridge() !== undefined;
}

export async function appInfo(): Promise<AppInfo> {
  const b = bridge();
  if (b) return b.appInfo();
  const chrome = /Chrom(?:e|ium)\/([\d.]+)/.exec(navigator.userAgent)?.[1] ?? '';
  return {
    name: 'Backstep',
    version,
    electron: '',
    chrome,
    node: '',
    v8: '',
    platform: `web (${navigator.platform})`,
  };
}

// ---- lasting state -------------------------------------------------------------------------------

export async function loadState(): Promise<LoadedState> {
  const b = bridge();
  if (b) return b.loadState();
  return { ...loadWebState(), recent: webRecent().map((r, id) => ({ id, name: r.name })) };
}

function loadWebState(): { state: AppState; notice: string | null } {
  const text = localStorage.getItem(STATE_KEY);
  if (text === null) return { state: freshAppState(), notice: null };
  let problem: string;
  try {
    const parsed = appStateSchema.safeParse(JSON.parse(text));
    if (parsed.success) return { state: parsed.data, notice: null };
    problem = `it does not match the expected format: ${describeZodError(parsed.error)}`;
  } catch (e) {
    problem = `it is not valid JSON: ${(e as Error).message}`;
  }
  const aside = `backstep.state.corrupt-${new Date().toISOString()}`;
  localStorage.setItem(aside, text);
  localStorage.removeItem(STATE_KEY);
  return {
    state: freshAppState(),
    notice: `Your saved progress could not be read (${problem}). It was kept in this browser's storage as "${aside}"; Backstep started with a fresh state.`,
  };
}

export async function saveState(state: AppState): Promise<{ savedAt: string }> {
  const b = bridge();
  if (b) return b.saveState(state);
  localStorage.setItem(STATE_KEY, JSON.stringify(state));
  return { savedAt: new Date().toISOString() };
}

export async function setTheme(theme: Theme): Promise<void> {
  await bridge()?.setTheme(theme);
}

// ---- session files -------------------------------------------------------------------------------

interface WebRecent {
  name: string;
  text: string;
}

function webRecent(): WebRecent[] {
  try {
    const list: unknown = JSON.parse(localStorage.getItem(RECENT_KEY) ?? '[]');
    if (!Array.isArray(list)) return [];
    return list.filter((r): r is WebRecent => typeof r?.name === 'string' && typeof r?.text === 'string');
  } catch {
    return [];
  }
}

const recentListeners = new Set<(recent: RecentEntry[]) => void>();

function rememberWebRecent(name: string, text: string): void {
  if (text.length > MAX_WEB_RECENT_CHARS) return;
  const list = [{ name, text }, ...webRecent().filter((r) => r.name !== name)].slice(0, MAX_WEB_RECENT);
  try {
    localStorage.setItem(RECENT_KEY, JSON.stringify(list));
  } catch {
    return; // storage full: the file still opened, it just is not remembered
  }
  const entries = list.map((r, id) => ({ id, name: r.name }));
  for (const l of recentListeners) l(entries);
}

/** Ask for a `.backstep.json` (desktop dialog, or a file input in the browser) and read it safely. */
export async function openSession(): Promise<OpenResult> {
  const b = bridge();
  if (b) return b.openSession();
  const file = await pickFile('.json,application/json');
  if (!file) return { status: 'cancelled' };
  return openFile(file);
}

/** Read a session from a File the student handed over (file input, or dropped on the window). */
export async function openFile(file: File): Promise<OpenResult> {
  if (file.size > MAX_SESSION_BYTES) {
    return { status: 'error', error: `Cannot open ${file.name}: ${tooLarge(file.size)}` };
  }
  return openText(file.name, await file.text());
}

/** Read a session from text. */
export function openText(name: string, text: string): OpenResult {
  const parsed = parseSessionText(text, name);
  if (!parsed.ok) return { status: 'error', error: parsed.error };
  if (!isDesktop()) rememberWebRecent(name, text);
  return { status: 'opened', name, session: parsed.session };
}

export async function openRecent(id: number): Promise<OpenResult> {
  const b = bridge();
  if (b) return b.openRecent(id);
  const entry = webRecent()[id];
  if (!entry) return { status: 'error', error: `There is no recent file number ${id + 1}.` };
  return openText(entry.name, entry.text);
}

export async function saveSession(session: SessionFile, suggestedName: string): Promise<SaveResult> {
  const b = bridge();
  if (b) return b.saveSession(session, suggestedName);
  const name = suggestedName.endsWith('.backstep.json') ? suggestedName : `${suggestedName}.backstep.json`;
  const text = JSON.stringify(session, null, 2) + '\n';
  download(name, new Blob([text], { type: 'application/json' }));
  rememberWebRecent(name, text);
  return { status: 'saved', name };
}

const MIME: Record<ExportRequest['kind'], string> = {
  html: 'text/html',
  markdown: 'text/markdown',
  png: 'image/png',
  svg: 'image/svg+xml',
  json: 'application/json',
};
const EXT: Record<ExportRequest['kind'], string> = {
  html: '.html',
  markdown: '.md',
  png: '.png',
  svg: '.svg',
  json: '.json',
};

/** Save a report or a picture: a save dialog in the desktop app, a download in the browser. */
export async function exportFile(request: ExportRequest): Promise<SaveResult> {
  const b = bridge();
  if (b) return b.exportFile(request);
  const ext = EXT[request.kind];
  const name = request.suggestedName.endsWith(ext) ? request.suggestedName : request.suggestedName + ext;
  const body = request.kind === 'png' ? base64ToBytes(request.content) : request.content;
  download(name, new Blob([body as BlobPart], { type: MIME[request.kind] }));
  return { status: 'saved', name };
}

/** PDF of self-contained HTML: printToPDF in the desktop app; the browser's print dialog in web mode. */
export async function printToPdf(html: string, suggestedName: string): Promise<SaveResult> {
  const b = bridge();
  if (b) return b.printToPdf(html, suggestedName);
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-modals allow-same-origin');
  frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0';
  frame.srcdoc = html;
  document.body.append(frame);
  await new Promise<void>((resolve) => frame.addEventListener('load', () => resolve(), { once: true }));
  frame.contentWindow?.print();
  setTimeout(() => frame.remove(), 1000);
  return { status: 'saved', name: suggestedName };
}

// ---- events from the desktop menu ------------------------------------------------------------------

/** Menu clicks in the desktop app. Web mode's toolbar calls the command bus directly. */
export function onCommand(listener: (message: CommandMessage) => void): () => void {
  return bridge()?.onCommand(listener) ?? (() => undefined);
}

/** Sessions opened outside the page: command line, second launch, Open recent in the menu. */
export function onSessionOpened(listener: (result: OpenResult) => void): () => void {
  return bridge()?.onSessionOpened(listener) ?? (() => undefined);
}

export function onRecentChanged(listener: (recent: RecentEntry[]) => void): () => void {
  const b = bridge();
  if (b) return b.onRecentChanged(listener);
  recentListeners.add(listener);
  return () => recentListeners.delete(listener);
}

// ---- browser helpers ------------------------------------------------------------------------------

function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function pickFile(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.addEventListener('change', () => resolve(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => resolve(null), { once: true });
    input.click();
  });
}

function base64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
