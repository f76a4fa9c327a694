// The YAML libraries load when a frontmatter is first read (js-yaml) or edited (yaml), not when the
// note format is imported: `fieldnotes search` and `fieldnotes list` on the summary cache parse no
// YAML and should not pay for loading it. Checked in a fresh Node process, whose module cache
// shows exactly what was loaded.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';
import { ROOT } from '../support/paths';

const PROBE = `
import { createRequire } from 'node:module';
const cache = createRequire(import.meta.url).cache;
const loaded = () => ['js-yaml', 'yaml'].filter((name) => Object.keys(cache).some((key) => key.includes('/node_modules/' + name + '/')));
const format = await import(process.argv[1]);
const steps = { imported: loaded() };
format.splitNote('# A note without frontmatter');
steps.plain = loaded();
format.splitNote('---\\ntitle: A note\\n---\\nBody');
steps.read = loaded();
format.serializeNote({ title: 'A note' }, 'Body');
steps.written = loaded();
console.log(JSON.stringify(steps));
`;

it('loads js-yaml on the first frontmatter read and yaml on the first write, neither on import', () => {
  const module = pathToFileURL(join(ROOT, 'electron', 'core', 'notebook', 'note-format.ts')).href;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', PROBE, module], { cwd: ROOT, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  expect(JSON.parse(run.stdout)).toEqual({ imported: [], plain: [], read: ['js-yaml'], written: ['js-yaml', 'yaml'] });
});
