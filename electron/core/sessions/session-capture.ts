// "Capture new sessions of these codebases": watches the agents' session folders
// (CLAUDE_CONFIG_DIR/projects, CODEX_HOME/sessions, the Gemini home's tmp/*/chats) and, a moment
// after they go quiet, imports the sessions of the chosen codebases that appeared or grew since
// capture started, telling the UI what it brought in (`sessions.captured`).
//
// Each batch imports whatever of those codebases changed since capture started, rather than the
// files the watcher named: a folder that appears (a new project slug) is listed by chokidar only
// after it is created, so a file written in between would otherwise be missed.
import { watch, type FSWatcher } from 'chokidar';
import { stat } from 'node:fs/promises';
import type { EventBus } from '../../../shared/event-bus';
import type { Env } from '../agents/agent-adapter';
import type { EngineEvents } from '../engine-events';
import type { NotebookSession } from '../notebook/notebook-session';
import { SESSION_SOURCES } from './session-catalog';
import type { SessionImportResult } from './session-import';
import { importSessions } from './session-imports';

export interface CaptureOptions {
  /** Quiet time after the last change before the sessions are imported (an agent writes line by line). */
  debounceMs?: number;
  /** How often session folders that do not exist yet (and the environment) are looked at again. */
  recheckMs?: number;
}

export interface CaptureDeps extends CaptureOptions {
  session: NotebookSession;
  env: () => Env;
  /** The codebases' folders to capture (the setting); none stops the watcher. */
  folders: () => readonly string[];
  events: EventBus<EngineEvents>;
  log: (message: string) => void;
}

/** Session files of every agent end so; anything else in their folders is not a session. */
const SESSION_FILE = /\.jsonl$/;
/** Deep enough for Codex's sessions/YYYY/MM/DD and Claude Code's <slug>/<id>/subagents. */
const DEPTH = 4;

export class SessionCapture {
  private watcher: FSWatcher | undefined;
  private watched = '';
  private since: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  private recheck: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  private again = false;
  private busy = false;
  private closed = false;

  constructor(private readonly deps: CaptureDeps) {}

  /** Starts, follows or stops watching as the setting and the environment say now. */
  async apply(): Promise<void> {
    if (this.closed) return;
    const folders = this.deps.folders();
    if (folders.length === 0) {
      await this.stopWatching();
      this.since = undefined;
      clearInterval(this.recheck);
      this.recheck = undefined;
      return;
    }
    this.since ??= new Date().toISOString();
    this.recheck ??= setInterval(() => void this.apply(), this.deps.recheckMs ?? 5_000);
    this.recheck.unref?.();
    const roots = await existingRoots(this.deps.env());
    const key = roots.join('\n');
    if (key === this.watched && this.watcher) return;
    await this.stopWatching();
    this.watched = key;
    if (roots.length === 0) return;
    const watcher = watch(roots, { ignoreInitial: true, depth: DEPTH, ignorePermissionErrors: true, followSymlinks: false });
    const onChange = (path: string) => {
      if (SESSION_FILE.test(path)) this.schedule();
    };
    watcher.on('add', onChange).on('change', onChange).on('addDir', () => this.schedule());
    watcher.on('error', (error: unknown) => this.deps.log(`watching the agents' session folders failed: ${String(error)}`));
    this.watcher = watcher;
    await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
    // A folder that appeared since the last look may already hold sessions.
    if (key !== '') this.schedule();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    clearInterval(this.recheck);
    await this.stopWatching();
    await this.running;
  }

  private schedule(): void {
    if (this.closed) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.busy) {
        this.again = true;
        return;
      }
      this.running = this.importChanged();
    }, this.deps.debounceMs ?? 2_000);
  }

  private async importChanged(): Promise<void> {
    this.busy = true;
    try {
      do {
        this.again = false;
        const results = await this.importOnce();
        if (results.length > 0) this.deps.events.emit('sessions.captured', { results });
      } while (this.again && !this.closed);
    } catch (error) {
      this.deps.log(`capturing new sessions failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.busy = false;
    }
  }

  /** Imports the captured codebases' sessions that changed since capture started; what was new or grew. */
  private async importOnce(): Promise<SessionImportResult[]> {
    const notebook = this.deps.session.notebook;
    const since = this.since;
    if (!notebook || notebook.readOnly !== null || !since) return [];
    const results: SessionImportResult[] = [];
    for (const folder of this.deps.folders()) {
      const run = await importSessions({
        notebook, env: this.deps.env(), filter: { repo: folder, since },
        onProgress: (progress) => this.deps.events.emit('sessions.progress', progress),
      });
      results.push(...run.results.filter((result) => result.status !== 'unchanged'));
    }
    return results;
  }

  private async stopWatching(): Promise<void> {
    const watcher = this.watcher;
    this.watcher = undefined;
    this.watched = '';
    await watcher?.close();
  }
}

/** The agents' session folders that exist now (chokidar does not notice a missing one appear). */
async function existingRoots(env: Env): Promise<string[]> {
  const roots = [...new Set(SESSION_SOURCES.flatMap((source) => source.roots(env)))];
  const found = await Promise.all(roots.map(async (root) => ((await stat(root).catch(() => null))?.isDirectory() ? root : null)));
  return found.filter((root): root is string => root !== null).sort();
}
