// detect() when a CLI is not installed: a clear reason and how to install it, never a throw.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claudeCode } from '../../../electron/core/agents/claude-code';
import { codex } from '../../../electron/core/agents/codex';
import { gemini } from '../../../electron/core/agents/gemini';
import { createAgentRegistry } from '../../../electron/core/agents/registry';

let emptyBin: string;

beforeAll(async () => {
  emptyBin = await mkdtemp(path.join(os.tmpdir(), 'fieldnotes-empty-path-'));
});

afterAll(async () => {
  await rm(emptyBin, { recursive: true, force: true });
});

describe('detect() without the CLI installed', () => {
  it.each([
    ['Claude Code', claudeCode, 'Claude Code is not installed: no `claude` command on PATH.', 'npm install -g @anthropic-ai/claude-code'],
    ['Codex CLI', codex, 'Codex CLI is not installed: no `codex` command on PATH.', 'npm install -g @openai/codex'],
    ['Gemini CLI', gemini, 'Gemini CLI is not installed: no `gemini` command on PATH.', 'npm install -g @google/gemini-cli'],
  ])('%s', async (_label, adapter, reason, installHint) => {
    expect(await adapter.detect({ env: { PATH: emptyBin } })).toEqual({ available: false, reason, installHint });
  });

  it('reports an explicit path that is not an executable', async () => {
    const detection = await claudeCode.detect({ path: path.join(emptyBin, 'claude'), env: { PATH: emptyBin } });
    expect(detection).toMatchObject({ available: false, reason: `${path.join(emptyBin, 'claude')} is not an executable file.` });
  });

  it('the registry lists the three CLIs, then the custom command (named after its command once configured)', () => {
    expect(createAgentRegistry().list().map((adapter) => adapter.id)).toEqual(['claude-code', 'codex', 'gemini', 'custom']);
    expect(createAgentRegistry().get('custom')?.label).toBe('Custom command');
    const registry = createAgentRegistry({ custom: { argv: ['llm', '-m', 'local'] } });
    expect(registry.get('custom')?.label).toBe('llm');
  });
});
