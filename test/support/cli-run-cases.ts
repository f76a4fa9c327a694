// What every agent adapter must do the same way with its real CLI: each per-agent adapter test
// names these cases and passes its adapter (and, where its CLI needs one, its own script).
import { expect } from 'vitest';
import type { AgentAdapter } from '../../electron/core/agents/agent-adapter';
import type { Turn } from '../fixtures/model-servers/script-server';
import { STALL_IDLE_MS, bodiesText, groupGone, ofType, runToEnd, type Finished } from '../integration/agents/harness';
import type { ScriptedCliStage } from './scripted-cli-stage';

const TWO_ANSWERS: Turn[] = [{ kind: 'text', text: 'First answer: ginger.' }, { kind: 'text', text: 'Second answer.' }];

/**
 * A second run resuming the first one's session: the model sees the earlier conversation. Resolves
 * with what a CLI's own test may check further.
 */
export async function resumedRunSeesEarlierConversation(stage: ScriptedCliStage, adapter: AgentAdapter, script = TWO_ANSWERS):
Promise<{ session: string | undefined; second: Finished; followUp: string }> {
  const env = await stage.serve(script);
  const first = await runToEnd({ adapter, cwd: stage.workspace.repo, env, prompt: 'first question' });
  const session = ofType(first.events, 'session')[0]?.session;
  expect(first.outcome.status).toBe('done');

  const second = await runToEnd({ adapter, cwd: stage.workspace.repo, env, prompt: 'follow-up question', resumeSession: session });
  expect(second.outcome.status).toBe('done');
  const followUp = bodiesText(stage.server.turnRequests().slice(1));
  expect(followUp).toContain('First answer: ginger.');
  expect(followUp).toContain('follow-up question');
  return { session, second, followUp };
}

/** A stream that stalls is stopped by the idle timeout, with its whole process group. */
export async function stalledRunIsStopped(stage: ScriptedCliStage, adapter: AgentAdapter): Promise<void> {
  const env = await stage.serve([{ kind: 'stall', text: 'Let me think' }]);
  const { outcome, pid } = await runToEnd({ adapter, cwd: stage.workspace.repo, env, options: { idleTimeoutMs: STALL_IDLE_MS } });

  expect(stage.server.turnRequests()).toHaveLength(1);
  expect(outcome.status).toBe('timed_out');
  expect(outcome.error).toMatch(/no output for 8 s/);
  expect(groupGone(pid!)).toBe(true);
}
