// What the cloud agents' tests share: a codebase that is a clone of a GitHub repository with its
// branch pushed (the remote-tracking branch says so, as after a real push), and engines whose
// cloud agents point at scripted services on 127.0.0.1.
import { gitIn, makeRepo } from './git-repo';

/** A repository whose `origin` is github.com/acme/widgets and whose `main` is pushed. */
export async function pushedRepo(files: Record<string, string> = { 'src/widget.ts': 'export const widget = 1;\n' }): Promise<string> {
  const dir = await makeRepo(files, 'widgets');
  gitIn(dir, 'remote', 'add', 'origin', 'https://github.com/acme/widgets.git');
  gitIn(dir, 'update-ref', 'refs/remotes/origin/main', 'HEAD');
  return dir;
}

export const SAMPLE_PATCH = [
  'diff --git a/src/widget.ts b/src/widget.ts',
  'index 1111111..2222222 100644',
  '--- a/src/widget.ts',
  '+++ b/src/widget.ts',
  '@@ -1 +1 @@',
  '-export const widget = 1;',
  '+export const widget = 2;',
  '',
].join('\n');
