// App settings, as JSON in the user data folder (shared by the desktop app, the browser mode and
// the CLI). Keys this version does not know are kept; a broken file is set aside, not trusted.
import { mkdir, readFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { EDITOR_DEFAULT, EditorSetting, SYNC_SETTINGS_DEFAULTS, SyncSettings, TASK_SETTINGS_DEFAULTS, TaskSettings } from '../../shared/contract/settings';
import { writeFileAtomic } from './fs/atomic-write';
import { KeyLock } from './fs/key-lock';

const MAX_RECENT = 10;
const MAX_RECENT_REPOS = 20;

const RecentEntry = z.object({ path: z.string().min(1), openedAt: z.string() });

const RecentRepo = z.object({ path: z.string().min(1), usedAt: z.string() });

/**
 * Task settings as read from the file: each key on its own, so one bad value (edited by hand, or
 * from another version) falls back to its default instead of setting the whole file aside.
 */
const fields = TaskSettings.shape;
const defaults = TASK_SETTINGS_DEFAULTS;
const TaskSettingsOnDisk = z
  .object({
    concurrency: fields.concurrency.catch(defaults.concurrency),
    idleTimeoutSec: fields.idleTimeoutSec.catch(defaults.idleTimeoutSec),
    wallTimeoutSec: fields.wallTimeoutSec.catch(defaults.wallTimeoutSec),
    agentPaths: fields.agentPaths.catch(defaults.agentPaths),
    customCommand: fields.customCommand.catch(defaults.customCommand),
    defaultAgents: fields.defaultAgents.catch(defaults.defaultAgents),
    consultNotebook: fields.consultNotebook.catch(defaults.consultNotebook),
    askResearch: fields.askResearch.catch(defaults.askResearch),
    captureSessions: fields.captureSessions.catch(undefined),
    sandbox: fields.sandbox.catch(undefined),
    container: fields.container.catch(undefined),
    contextWindows: fields.contextWindows.catch(undefined),
    cloud: fields.cloud.catch(undefined),
  })
  .catch(defaults);

const syncFields = SyncSettings.shape;
const syncDefaults = SYNC_SETTINGS_DEFAULTS;
const SyncSettingsOnDisk = z
  .object({
    autoCommit: syncFields.autoCommit.catch(syncDefaults.autoCommit),
    syncEveryMin: syncFields.syncEveryMin.catch(syncDefaults.syncEveryMin),
    transcripts: syncFields.transcripts.catch(syncDefaults.transcripts),
    artifacts: syncFields.artifacts.catch(syncDefaults.artifacts),
    repoMappings: syncFields.repoMappings.catch(syncDefaults.repoMappings),
  })
  .catch(syncDefaults);

export const AppSettings = z.looseObject({
  /** The notebook opened last: the app opens it again at start. */
  notebook: z.string().optional(),
  /** Notebooks opened recently, most recent first. */
  recentNotebooks: z.array(RecentEntry).default([]),
  /** How tasks run. */
  tasks: TaskSettingsOnDisk,
  /** Sharing the notebook through git. */
  sync: SyncSettingsOnDisk,
  /** Codebases asked about recently, most recent first. */
  recentRepos: z.array(RecentRepo).catch([]),
  /** Where files that notes link to open; a value this version cannot read means the system opener. */
  editor: EditorSetting.catch(EDITOR_DEFAULT),
});
export type AppSettings = z.infer<typeof AppSettings>;

export class SettingsStore {
  private readonly lock = new KeyLock();

  private constructor(
    /** The settings file; null keeps settings in memory only (tests, one-shot commands). */
    readonly file: string | null,
    private settings: AppSettings,
  ) {}

  /** Reads the settings file. A missing file means defaults; a broken one is kept as `<file>.bad`. */
  static async load(file: string | null, log: (message: string) => void = console.warn): Promise<SettingsStore> {
    if (file === null) return new SettingsStore(null, AppSettings.parse({}));
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      return new SettingsStore(file, AppSettings.parse({}));
    }
    try {
      return new SettingsStore(file, AppSettings.parse(JSON.parse(text)));
    } catch (error) {
      log(`[fieldnotes] ${file} is not valid settings (${String(error).split('\n')[0]}); it was kept as ${file}.bad and defaults are used.`);
      await rename(file, `${file}.bad`).catch(() => undefined);
      return new SettingsStore(file, AppSettings.parse({}));
    }
  }

  /** The settings in a file, without changing anything (defaults when missing or broken). */
  static async peek(file: string): Promise<AppSettings> {
    return (await readSettings(file)) ?? AppSettings.parse({});
  }

  get(): AppSettings {
    return this.settings;
  }

  /**
   * Changes the settings and writes them (atomically, one change at a time). The change applies to
   * the file as it is now, so what another Fieldnotes process wrote meanwhile (the CLI while the
   * app is open) is kept.
   */
  async update(change: (settings: AppSettings) => AppSettings): Promise<AppSettings> {
    return this.lock.run('settings', async () => {
      const current = (this.file !== null ? await readSettings(this.file) : null) ?? this.settings;
      const next = AppSettings.parse(change(structuredClone(current)));
      if (this.file !== null) {
        await mkdir(dirname(this.file), { recursive: true });
        await writeFileAtomic(this.file, JSON.stringify(next, null, 2) + '\n');
      }
      this.settings = next;
      return next;
    });
  }

  /** Remembers a notebook as the one to open next time, first in the recent list. */
  rememberNotebook(path: string): Promise<AppSettings> {
    return this.update((settings) => ({
      ...settings,
      notebook: path,
      recentNotebooks: [
        { path, openedAt: new Date().toISOString() },
        ...settings.recentNotebooks.filter((entry) => entry.path !== path),
      ].slice(0, MAX_RECENT),
    }));
  }

  /** Changes some task settings; the result is checked against the contract's schema. */
  updateTasks(change: Partial<TaskSettings>): Promise<AppSettings> {
    return this.update((settings) => ({ ...settings, tasks: TaskSettings.parse({ ...settings.tasks, ...change }) }));
  }

  /** Sets the editor files open in. */
  setEditor(editor: EditorSetting): Promise<AppSettings> {
    return this.update((settings) => ({ ...settings, editor: EditorSetting.parse(editor) }));
  }

  /** Changes some sharing settings; the result is checked against the contract's schema. */
  updateSync(change: Partial<SyncSettings>): Promise<AppSettings> {
    return this.update((settings) => ({ ...settings, sync: SyncSettings.parse({ ...settings.sync, ...change }) }));
  }

  /** Puts a codebase first in the recent list. */
  rememberRepo(path: string): Promise<AppSettings> {
    return this.update((settings) => ({
      ...settings,
      recentRepos: [{ path, usedAt: new Date().toISOString() }, ...settings.recentRepos.filter((entry) => entry.path !== path)].slice(0, MAX_RECENT_REPOS),
    }));
  }

  forgetNotebook(path: string): Promise<AppSettings> {
    return this.update((settings) => ({
      ...settings,
      notebook: settings.notebook === path ? undefined : settings.notebook,
      recentNotebooks: settings.recentNotebooks.filter((entry) => entry.path !== path),
    }));
  }
}

/** The settings in `file`; null when it is missing, unreadable or not valid settings. */
async function readSettings(file: string): Promise<AppSettings | null> {
  try {
    return AppSettings.parse(JSON.parse(await readFile(file, 'utf8')));
  } catch {
    return null;
  }
}
