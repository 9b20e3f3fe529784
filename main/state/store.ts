/**
 * The state that lasts (progress, answers, notes, last lesson, debugger position, recent files, window
 * bounds, theme), as `state.json` in the user-data folder. Read through the schema: missing → fresh;
 * unreadable → renamed aside with a timestamp and the user told once. Written atomically.
 */
import * as nodeFs from 'node:fs';
import { basename, dirname, join } from 'node:path';
import {
  describeZodError,
  freshStateFile,
  stateFileSchema,
  type AppState,
  type DesktopState,
  type StateFile,
} from '../contract/state';
import { writeFileAtomicSync, type AtomicFs } from './atomic-write';

/** A state file bigger than this is not ours (a few hundred lessons of notes fit in well under 1 MB). */
export const MAX_STATE_BYTES = 20 * 1024 * 1024;

export type StoreFs = AtomicFs & Pick<typeof nodeFs, 'readFileSync' | 'statSync' | 'existsSync'>;

export class StateStore {
  private state: StateFile = freshStateFile();
  private notice: string | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    readonly file: string,
    private readonly fs: StoreFs = nodeFs,
    private readonly now: () => Date = () => new Date(),
    private readonly debounceMs = 400,
  ) {}

  /** Read the file once at start. Never throws: the app always starts. */
  load(): StateFile {
    if (!this.fs.existsSync(this.file)) {
      this.state = freshStateFile();
      return this.state;
    }
    const problem = this.readProblem();
    if (problem === null) return this.state;
    const aside = this.putAside();
    this.state = freshStateFile();
    this.notice =
      `Your saved progress could not be read (${problem}). ` +
      (aside ? `The old file was kept as ${basename(aside)}; ` : '') +
      'Backstep started with a fresh state.';
    return this.state;
  }

  /** The one-time message about a file put aside; later calls return null. */
  takeNotice(): string | null {
    const n = this.notice;
    this.notice = null;
    return n;
  }

  get(): StateFile {
    return this.state;
  }

  setApp(app: AppState): void {
    this.state = { ...this.state, app };
    this.scheduleSave();
  }

  updateDesktop(change: (desktop: DesktopState) => DesktopState): void {
    this.state = { ...this.state, desktop: change(this.state.desktop) };
    this.scheduleSave();
  }

  /** Write now (on quit, and when the debounce fires). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    writeFileAtomicSync(this.file, JSON.stringify(this.state, null, 2) + '\n', this.fs);
  }

  get pending(): boolean {
    return this.timer !== null;
  }

  private scheduleSave(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      try {
        this.flush();
      } catch (error) {
        console.error(`backstep: could not save ${this.file}: ${(error as Error).message}`);
      }
    }, this.debounceMs);
  }

  /** Parse the file into `this.state`; return why it failed, or null. */
  private readProblem(): string | null {
    try {
      const size = this.fs.statSync(this.file).size;
      if (size > MAX_STATE_BYTES) return `it is ${size} bytes, more than the ${MAX_STATE_BYTES} allowed`;
      const raw: unknown = JSON.parse(this.fs.readFileSync(this.file, 'utf8'));
      const parsed = stateFileSchema.safeParse(raw);
      if (!parsed.success) return `it does not match the expected format: ${describeZodError(parsed.error)}`;
      this.state = parsed.data;
      return null;
    } catch (error) {
      return `it is not valid JSON: ${(error as Error).message}`;
    }
  }

  private putAside(): string | null {
    const stamp = this.now().toISOString().replace(/[:.]/g, '-');
    const aside = join(dirname(this.file), `${basename(this.file, '.json')}.corrupt-${stamp}.json`);
    try {
      this.fs.renameSync(this.file, aside);
      return aside;
    } catch {
      return null;
    }
  }
}
