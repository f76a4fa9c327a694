// `fieldnotes mcp install|uninstall` against the real agent CLIs, each with a temporary home: the
// agent's own config file gains the fieldnotes server (running `fieldnotes … mcp`) and loses it again.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli-process';
import { CLI } from '../../support/paths';
import { tempDir } from '../../support/temp';
import { cliPath } from '../agents/harness';

interface Case {
  agent: string;
  bin: 'claude' | 'codex' | 'gemini';
  /** The file the agent keeps user-scope MCP servers in, under the temporary home. */
  config: (home: string) => string;
  own: RegExp;
}

const cases: Case[] = [
  { agent: 'claude-code', bin: 'claude', config: (home) => join(home, '.claude.json'), own: /^Ran: claude mcp add --scope user fieldnotes -- / },
  { agent: 'codex', bin: 'codex', config: (home) => join(home, '.codex', 'config.toml'), own: /^Ran: codex mcp add fieldnotes -- / },
  { agent: 'gemini', bin: 'gemini', config: (home) => join(home, '.gemini', 'settings.json'), own: /^Ran: gemini mcp add --scope user fieldnotes / },
];

async function run(args: string[], home: string) {
  const bin = cliPath('claude').replace(/\/claude$/, '');
  return runCli(args, {
    cwd: home,
    env: {
      HOME: home, FIELDNOTES_HOME: join(home, 'fieldnotes'), PATH: `${bin}:${process.env.PATH}`,
      CLAUDE_CONFIG_DIR: '', CODEX_HOME: '', GEMINI_CLI_HOME: '', NO_PROXY: '*', HTTPS_PROXY: 'http://127.0.0.1:9', HTTP_PROXY: 'http://127.0.0.1:9',
      DISABLE_AUTOUPDATER: '1', CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    },
  });
}

describe.each(cases)('fieldnotes mcp install --agent $agent', (c) => {
  it('registers the server with the agent\'s own command, shows what it ran, and uninstall takes it back', async () => {
    cliPath(c.bin);
    const home = await tempDir('fieldnotes-mcp-install-');
    const installed = await run(['--notebook', join(home, 'Notebook'), 'mcp', 'install', '--agent', c.agent], home);
    expect(installed.code, installed.stderr).toBe(0);
    expect(installed.stdout).toMatch(c.own);
    const config = readFileSync(c.config(home), 'utf8');
    expect(config).toContain('fieldnotes');
    expect(config).toContain(CLI);
    expect(config).toContain(join(home, 'Notebook'));

    const removed = await run(['mcp', 'uninstall', '--agent', c.agent], home);
    expect(removed.code, removed.stderr).toBe(0);
    expect(existsSync(c.config(home)) ? readFileSync(c.config(home), 'utf8') : '').not.toContain(CLI);
  });
});

describe('fieldnotes mcp install, wrongly', () => {
  it('names the agents it knows and the scopes an agent offers', async () => {
    const home = await tempDir('fieldnotes-mcp-install-');
    const unknown = await run(['mcp', 'install', '--agent', 'custom'], home);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/--agent must be one of claude-code, codex, gemini/);
    const scope = await run(['mcp', 'install', '--agent', 'codex', '--scope', 'project'], home);
    expect(scope.stderr).toMatch(/Codex CLI has no project scope for MCP servers; it offers: user/);
  });
});
