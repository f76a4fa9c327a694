// A notebook with a stale note, for the refresh spec and its screenshots: "Routes then" was written
// at the tasks server's repo's first commit and cites src/router.ts, which a later commit changed;
// "Routes elsewhere" talks of routes too but records no commit, so it cannot be stale.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gitIn } from '../../support/git-repo';
import type { TasksServer } from './tasks-fixtures';

export const OLD_LINE = "src/router.ts begins with: export const routes = ['/', '/about'];";
export const NEW_LINE = "src/router.ts begins with: export const routes = ['/', '/about', '/contact'];";

export async function writeStaleNotes({ repo, notebook }: Pick<TasksServer, 'repo' | 'notebook'>): Promise<void> {
  const commit = gitIn(repo, 'rev-parse', 'HEAD').trim();
  await mkdir(join(notebook, 'router-app'), { recursive: true });
  await writeFile(
    join(notebook, 'router-app', '2026-11-29-routes-then.md'),
    '---\nid: 01JF0000000000000000000R3F\ntitle: Routes then\nquestion: Which routes are there? [read src/router.ts] [title Routes now]\n'
      + `status: done\nagent: { id: custom }\ncreated: 2026-11-29T09:00:00.000Z\nrepo: { name: router-app, path: ${repo}, commit: ${commit} }\n---\n`
      + `${OLD_LINE}\n\nSee \`src/router.ts:1\`.\n`,
  );
  await writeFile(
    join(notebook, 'router-app', '2026-11-28-routes-elsewhere.md'),
    '---\nid: 01JF0000000000000000000R3E\ntitle: Routes elsewhere\ncreated: 2026-11-28T09:00:00.000Z\n---\nThe routes of another app.\n',
  );
  await writeFile(join(repo, 'src', 'router.ts'), "export const routes = ['/', '/about', '/contact'];\n");
  gitIn(repo, 'commit', '-qam', 'a contact page');
}
