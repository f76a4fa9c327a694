// The desktop app, opened from a launcher, reads the PATH the user's login shell sets up, so agents
// installed in folders the dotfiles add are found. A real bash reads a real profile here.
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TASK_SETTINGS_DEFAULTS } from '../../../shared/contract/settings';
import { InstalledAgents } from '../../../electron/core/agents/installed-agents';
import { adoptLoginShellPath, mergePath } from '../../../electron/core/agents/login-shell-path';
import { removeDir, tempDir } from '../../support/temp';

const BARE_PATH = ['/usr/bin', '/bin'].join(delimiter);
let home: string;
let realHome: string | undefined;
let tools: string;

beforeEach(async () => {
  home = await tempDir('fieldnotes-home-');
  tools = join(home, '.local', 'bin');
  await mkdir(tools, { recursive: true });
  // The profile a login shell reads: it adds the folder where the user's agents live.
  await writeFile(join(home, '.bash_profile'), 'export PATH="$HOME/.local/bin:$PATH"\n');
  realHome = process.env.HOME;
  process.env.HOME = home;
});

afterEach(async () => {
  process.env.HOME = realHome;
  await removeDir(home);
});

describe.skipIf(process.platform === 'win32')('the login shell’s PATH', () => {
  it('comes first, and the folders the app started with stay', async () => {
    const env = { PATH: `${BARE_PATH}${delimiter}/opt/started-with` };
    await adoptLoginShellPath(env, { shell: '/bin/bash' });
    const folders = env.PATH.split(delimiter);
    expect(folders[0]).toBe(tools);
    expect(folders).toEqual(expect.arrayContaining(['/usr/bin', '/bin', '/opt/started-with']));
    expect(new Set(folders).size).toBe(folders.length);
  });

  it('finds an agent installed where only the dotfiles look, and detection waits for it', async () => {
    await writeFile(join(tools, 'claude'), '#!/bin/sh\necho "2.1.7 (Claude Code)"\n');
    await chmod(join(tools, 'claude'), 0o755);
    const env = { PATH: BARE_PATH };
    const agents = new InstalledAgents({
      env: () => env,
      settings: () => TASK_SETTINGS_DEFAULTS,
      envReady: adoptLoginShellPath(env, { shell: '/bin/bash' }),
    });
    const claude = (await agents.list()).find((agent) => agent.id === 'claude-code');
    expect(claude).toMatchObject({ available: true, path: join(tools, 'claude'), version: '2.1.7' });
  });

  it('is left alone when the shell hangs or cannot start, with a line saying why', async () => {
    await writeFile(join(home, '.bash_profile'), 'sleep 30\n');
    const logged: string[] = [];
    const env = { PATH: BARE_PATH };
    await adoptLoginShellPath(env, { shell: '/bin/bash', timeoutMs: 500, log: (line) => logged.push(line) });
    await adoptLoginShellPath(env, { shell: join(home, 'no-such-shell'), log: (line) => logged.push(line) });
    expect(env.PATH).toBe(BARE_PATH);
    expect(logged).toEqual([
      expect.stringMatching(/^your login shell took over 0\.5 s to start; agents are looked for on the PATH Fieldnotes started with$/),
      `could not read the PATH your login shell sets up (spawn ${join(home, 'no-such-shell')} ENOENT); agents are looked for on the PATH Fieldnotes started with`,
    ]);
  });
});

describe('mergePath', () => {
  it('keeps each folder once, the first list’s order first, and drops empty entries', () => {
    expect(mergePath(['/a', '/b', ''].join(delimiter), ['/b', '/c', '/a'].join(delimiter))).toBe(['/a', '/b', '/c'].join(delimiter));
  });
});
