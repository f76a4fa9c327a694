// Stopping a run reaches inside the sandbox: cancel ends every process of an agent in bwrap, even a
// worker that double-forked into a session of its own and ignores SIGTERM.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCustomCommand } from '../../../electron/core/agents/custom-command';
import { noSandbox, sandboxFor } from '../../support/sandbox-stage';
import { FIXTURES } from '../../support/paths';
import { groupGone, processesWith, startRun, textOf, until } from '../agents/harness';

let cwd: string;
beforeEach(async () => {
  cwd = await mkdtemp(path.join(os.tmpdir(), 'fieldnotes-sandbox-cancel-'));
});
afterEach(() => rm(cwd, { recursive: true, force: true }));

describe.skipIf(noSandbox)('cancel in the OS sandbox', () => {
  it('stops the agent and its re-parented worker', async () => {
    const marker = `fieldnotes-orphaning-${process.pid}-${Date.now()}`;
    const adapter = createCustomCommand({ id: 'fake', label: 'Fake agent', argv: [process.execPath, path.join(FIXTURES, 'fake-agents', 'orphaning-agent.mjs'), marker] });
    const env = { PATH: process.env.PATH, HOME: cwd };
    const { run, events, finished } = startRun({
      adapter, cwd, env, options: { killGraceMs: 500, confine: await sandboxFor(adapter, 'explain', cwd, env) },
    });
    await until(() => textOf(events).includes('orphaned worker') && processesWith(marker).length > 0, 'the agent and its orphaned worker run');
    run.cancel();
    const { outcome, pid } = await finished;

    expect(outcome.status).toBe('cancelled');
    expect(groupGone(pid!)).toBe(true);
    expect(processesWith(marker)).toEqual([]);
  });
});
