// Tasks with the real Gemini CLI against a scripted Gemini server: what the task layer adds on top
// of the adapter — the note, its sources and title, failures, timeouts, cancel.
import { describe, it } from 'vitest';
import { startGeminiServer } from '../../fixtures/model-servers/gemini';
import { useCliTasks } from '../../support/cli-tasks';
import { cancelStopsTheProcessGroup, httpErrorFailsTheNote, readFileBecomesSourceOfNote, stallIsStoppedByIdleTimeout } from '../../support/cli-task-cases';
import { geminiEnv } from '../agents/cli-envs';
import { FIXTURE_FILE } from '../agents/harness';

const tasks = useCliTasks({
  bin: 'gemini',
  startServer: startGeminiServer,
  // A pinned model: with "auto", Gemini CLI retries an HTTP 500 and falls back to Flash, with backoff.
  env: (workspace, tripwire, serverUrl) => geminiEnv(workspace, tripwire, serverUrl, { model: 'gemini-scripted' }),
}, 'gemini');

describe('Gemini CLI tasks', () => {
  it('a file read through a tool call becomes a source with its blob; the answer becomes the note, titled by its first line', () =>
    readFileBecomesSourceOfNote(tasks, {
      read: { kind: 'tool', name: 'read_file', input: { file_path: FIXTURE_FILE } },
      permissions: /^Read-only: may read and search files in .*repo \(Gemini's plan mode\); cannot change anything or run commands\.$/,
      model: 'gemini-scripted',
    }));

  it('an HTTP 500 fails the note with a readable error', () => httpErrorFailsTheNote(tasks, 'API error 500: scripted overload'));

  it('a stall mid-stream is stopped by the idle timeout: no process is left, the note says why', () =>
    stallIsStoppedByIdleTimeout(tasks, 'Gemini CLI produced no output for 8 s; stopped it.'));

  it('cancel mid-run stops the whole process group; the note is cancelled and its transcript kept', () => cancelStopsTheProcessGroup(tasks));
});
