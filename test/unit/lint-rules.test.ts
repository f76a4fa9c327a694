// The layout rules of DESIGN.md are enforced by lint: a forbidden import fails the build.
import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/paths';

const eslint = new ESLint({ cwd: ROOT });

async function importErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === '@typescript-eslint/no-restricted-imports' || m.ruleId === 'no-restricted-globals' || m.ruleId === 'layers/imports').map((m) => m.message);
}

describe('layout lint rules', () => {
  it.each([
    ['shared/model/x.ts', "import { readFile } from 'node:fs';\nexport const x = readFile;"],
    ['shared/model/x.ts', "import path from 'path';\nexport const x = path;"],
    ['shared/model/x.ts', "import { app } from 'electron';\nexport const x = app;"],
    ['shared/model/x.ts', "import { useState } from 'react';\nexport const x = useState;"],
    ['shared/model/x.ts', "import { createApi } from '../../electron/core/api';\nexport const x = createApi;"],
    ['electron/core/x.ts', "import { app } from 'electron';\nexport const x = app;"],
    ['electron/server/x.ts', "import { ipcMain } from 'electron';\nexport const x = ipcMain;"],
    ['electron/cli/x.ts', "import { shell } from 'electron/main';\nexport const x = shell;"],
    // core/ imports only shared/ and Node, however deep the file and however the path is spelt.
    ['electron/core/x.ts', "import { registerIpc } from '../main/ipc';\nexport const x = registerIpc;"],
    ['electron/core/search/x.ts', "import { registerIpc } from '../../main/ipc';\nexport const x = registerIpc;"],
    ['electron/core/agents/adapters/x.ts', "import { registerIpc } from '../../../main/ipc';\nexport const x = registerIpc;"],
    ['electron/core/x.ts', "import { registerIpc } from '../../electron/main/ipc';\nexport const x = registerIpc;"],
    ['electron/core/notebook/x.ts', "import { startServer } from '../../server/server';\nexport const x = startServer;"],
    ['electron/core/tasks/x.ts', "export { main } from '../../cli/main';"],
    ['electron/core/x.ts', "export const x = () => import('../cli/main');"],
    ['electron/core/x.ts', "import { x } from '../dev/start.mjs';\nexport const y = x;"],
    // The browser mode and the command line run without Electron.
    ['electron/server/x.ts', "import { registerIpc } from '../main/ipc';\nexport const x = registerIpc;"],
    ['electron/cli/x.ts', "import { buildMenu } from '../main/menu';\nexport const x = buildMenu;"],
    ['electron/cli/commands/x.ts', "import { buildMenu } from '../../main/menu';\nexport const x = buildMenu;"],
    ['electron/cli/x.mjs', "export * from '../main/window';"],
    ['renderer/src/x.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;"],
    ['renderer/src/x.ts', "import { spawn } from 'child_process';\nexport const x = spawn;"],
    ['renderer/src/x.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;"],
    ['renderer/src/features/x.ts', "import { createApi } from '../../../electron/core/api';\nexport const x = createApi;"],
    ['electron/preload/x.ts', "import { dispatch } from '../core/dispatch';\nexport const x = dispatch;"],
    // A schema module's values would put zod in the renderer's bundle.
    ['renderer/src/features/x.ts', "import { NoteStatus } from '../../../shared/model/note';\nexport const x = NoteStatus;"],
    ['renderer/src/features/x.ts', "import { TASK_SETTINGS_DEFAULTS } from '../../../shared/contract/settings';\nexport const x = TASK_SETTINGS_DEFAULTS;"],
    ['renderer/src/x.ts', "import { z } from 'zod';\nexport const x = z;"],
  ])('%s may not: %s', async (file, code) => {
    expect(await importErrors(file, code)).not.toEqual([]);
  });

  it('rejects DOM globals in shared/', async () => {
    expect(await importErrors('shared/x.ts', 'export const width = window.innerWidth;')).not.toEqual([]);
  });

  it.each([
    ['shared/model/x.ts', "import { z } from 'zod';\nexport const x = z;"],
    ['electron/core/x.ts', "import { readFile } from 'node:fs/promises';\nexport const x = readFile;"],
    ['electron/core/search/x.ts', "import { type Note } from '../../../shared/model/note';\nimport { Index } from '../notebook/index';\nexport type X = [Note, Index];"],
    ['electron/core/x.ts', "import lunr from 'lunr';\nexport const x = lunr;"],
    ['electron/server/x.ts', "import { createApi } from '../core/api';\nexport const x = createApi;"],
    ['electron/cli/x.ts', "import { startServer } from '../server/server';\nexport const x = startServer;"],
    // The launcher runs the command line's own main.ts: a file named main is not electron/main.
    ['electron/cli/x.mjs', "export const x = () => import('./main.ts');"],
    ['electron/main/x.ts', "import { app } from 'electron';\nexport const x = app;"],
    ['electron/main/x.ts', "import { createApi } from '../core/api';\nexport const x = createApi;"],
    ['renderer/src/x.ts', "import { useState } from 'react';\nexport const x = useState;"],
    ['renderer/src/x.ts', "import type { Note } from '../../shared/model/note';\nexport type X = Note;"],
    ['renderer/src/features/x.ts', "import { type Task } from '../../../shared/model/task';\nexport type X = Task;"],
    ['renderer/src/features/x.ts', "import { FINISHED_STATUSES } from '../../../shared/model/note-status';\nexport const x = FINISHED_STATUSES;"],
    ['renderer/src/x.ts', "import { ApiError } from '../../shared/contract/errors';\nexport const x = ApiError;"],
  ])('%s may: %s', async (file, code) => {
    expect(await importErrors(file, code)).toEqual([]);
  });
});
