// The notebook.* and notes.* methods of the contract, over the open notebook.
import { stat } from 'node:fs/promises';
import { basename, isAbsolute } from 'node:path';
import type { ApiHandlers, MethodName } from '../../../shared/contract';
import type { RecentNotebook } from '../../../shared/contract/notebook';
import { ApiError } from '../../../shared/contract/errors';
import { isUlid } from '../../../shared/model/ulid';
import { folderInput } from '../fs/folder-input';
import type { NativePorts } from '../ports/native-ports';
import type { SettingsStore } from '../settings';
import { importFolder } from './import-folder';
import { resolveNoteLink } from './note-links';
import { openInEditor } from './open-in-editor';
import type { NotebookSession } from './notebook-session';

type HandlersIn<NS extends string> = Pick<ApiHandlers, Extract<MethodName, `${NS}.${string}`>>;

export interface NotebookApiDeps {
  session: NotebookSession;
  settings: SettingsStore;
  ports: NativePorts;
  /** Where `notebook.open` without a path goes (created when missing). */
  defaultNotebook: string;
}

export function notebookHandlers({ session, settings, ports, defaultNotebook }: NotebookApiDeps): HandlersIn<'notebook'> {
  const recent = async (): Promise<{ notebooks: RecentNotebook[] }> => ({
    notebooks: await Promise.all(
      settings.get().recentNotebooks.map(async (entry) => ({
        path: entry.path,
        name: basename(entry.path),
        openedAt: entry.openedAt,
        available: (await stat(entry.path).catch(() => null))?.isDirectory() === true,
      })),
    ),
  });
  return {
    'notebook.open': async ({ path }) => {
      const notebook = path === undefined ? await session.open(defaultNotebook, { create: true }) : await session.open(folderInput(path));
      return { path: notebook.root, name: notebook.name };
    },
    'notebook.recent': recent,
    'notebook.forget': async ({ path }) => {
      await settings.forgetNotebook(path);
      return recent();
    },
    'notebook.chooseFolder': async () => {
      if (!ports.chooseFolder) {
        throw new ApiError('UNSUPPORTED', 'The folder dialog is only in the desktop app. Type the folder’s full path instead.');
      }
      return { path: await ports.chooseFolder('Open a notebook folder') };
    },
    'notebook.reveal': async () => {
      const root = session.require().root;
      await ports.openPath(root);
      return { path: root };
    },
  };
}

/** The notes.* methods but staleness and citations, which need git (context-api.ts, repos/citations-api.ts). */
export function notesHandlers({ session, settings, ports }: Pick<NotebookApiDeps, 'session' | 'settings' | 'ports'>): Omit<HandlersIn<'notes'>, 'notes.staleness' | 'notes.citations' | 'notes.check' | 'notes.stale'> {
  const notebook = () => session.require();
  return {
    'notes.list': async ({ limit }) => ({ notes: limit === undefined ? notebook().list() : notebook().list().slice(0, limit) }),
    'notes.get': ({ id }) => notebook().get(id),
    'notes.find': ({ ref, cwd }) => notebook().find(ref, cwd),
    'notes.import': async ({ folder, repo }) => {
      if (!isAbsolute(folder)) throw new ApiError('BAD_INPUT', `Give the folder to import by its full path; “${folder}” is relative.`);
      return importFolder(notebook(), folder, { repo });
    },
    'notes.create': (input) => notebook().create(input),
    'notes.update': ({ id, frontmatter, body }) => notebook().update(id, { frontmatter, body }),
    'notes.retitle': ({ id, title }) => notebook().retitle(id, title),
    'notes.setTags': ({ id, tags }) => notebook().setTags(id, tags),
    'notes.delete': ({ id }) => notebook().delete(id),
    'notes.restore': ({ trashId }) => notebook().restore(trashId),
    'notes.listTrash': async () => ({ notes: await notebook().listTrash() }),
    'notes.emptyTrash': () => notebook().emptyTrash(),
    // Files without an id of their own (plain Markdown) never had a task, so no transcript.
    'notes.transcript': async ({ id }) => (isUlid(id) ? notebook().readTranscript(id) : { events: [], skipped: 0 }),
    'notes.artifacts': async ({ id }) => ({ artifacts: isUlid(id) ? await notebook().listArtifacts(id) : [] }),
    'notes.readArtifact': async ({ id, name, maxBytes }) => {
      const { data, size } = await notebook().readArtifact(id, name, maxBytes);
      return { name, size, text: data.toString('utf8'), truncated: size > maxBytes };
    },
    'notes.openFile': async ({ id, target, line }) => {
      const note = await notebook().get(id);
      const linked = await resolveNoteLink(note, target);
      const editor = settings.get().editor;
      // An editor shows a program's text; only the system opener would run it.
      if (linked.action === 'reveal' && editor.kind === 'system') {
        await ports.revealPath(linked.path);
        return { path: linked.path, action: 'revealed', editor: editor.kind };
      }
      const at = line ?? linked.line;
      await openInEditor(editor, { path: linked.path, line: at, cwd: note.frontmatter?.repo?.path }, ports);
      return { path: linked.path, action: 'opened', editor: editor.kind, ...(at !== undefined && editor.kind !== 'system' ? { line: at } : {}) };
    },
  };
}
