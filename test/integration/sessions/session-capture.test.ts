// "Capture new sessions of these codebases" with the real Claude Code CLI: while the setting names
// the repo, a session run there in a terminal becomes a note by itself (and the UI is told), a
// resumed turn updates that note, and a session of another codebase is left alone.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../shared/contract';
import type { NoteSummary } from '../../../shared/model/note';
import { claudeCode } from '../../../electron/core/agents/claude-code';
import { startAnthropicServer } from '../../fixtures/model-servers/anthropic';
import { useAgentSessions } from '../../support/agent-sessions';
import { eventually } from '../../support/notes';
import { claudeCodeEnv } from '../agents/cli-envs';

const sessions = useAgentSessions({ bin: 'claude', startServer: startAnthropicServer, env: claudeCodeEnv }, claudeCode, { captureSessions: true });

async function notes(): Promise<NoteSummary[]> {
  return (await sessions.engine.call<{ notes: NoteSummary[] }>('notes.list', {})).notes;
}

/** The note holding the session, once it holds `turns` turns and the text. */
async function noteOf(session: string, turns: number, text: string) {
  return eventually(async () => {
    for (const summary of await notes()) {
      const note = await sessions.engine.note(summary.id);
      const from = note.frontmatter?.imported_from;
      if (from?.session === session && from.turns === turns && note.body.includes(text)) return note;
    }
    return undefined;
  });
}

function captured(): Array<EventPayload<'sessions.captured'>> {
  return sessions.engine.events.filter((event) => event.name === 'sessions.captured').map((event) => event.payload as EventPayload<'sessions.captured'>);
}

describe('Capture new sessions of these codebases', () => {
  it('imports a new session of the chosen codebase, updates it as it grows, and leaves other codebases alone', async () => {
    const { repo, root } = sessions.workspace;
    const other = path.join(root, 'other-codebase');
    await mkdir(other);
    await sessions.serve([
      { kind: 'text', text: 'Captured answer: saffron.' },
      { kind: 'text', text: 'Second turn: and then cumin.' },
      { kind: 'text', text: 'An answer about another codebase: paprika.' },
      { kind: 'text', text: 'A last answer here: nutmeg.' },
    ]);
    const settings = await sessions.engine.call<{ tasks: { captureSessions?: string[] } }>('settings.update', { tasks: { captureSessions: [repo] } });
    expect(settings.tasks.captureSessions).toEqual([repo]);

    const { session } = await sessions.run('Which spice is captured?');
    const note = await noteOf(session, 1, 'Captured answer: saffron.');
    expect(note.frontmatter).toMatchObject({ question: 'Which spice is captured?', repo: { path: repo }, agent: { id: 'claude-code', session } });
    await eventually(() => captured().some(({ results }) => results.some((result) => result.session === session && result.noteId === note.summary.id)));

    // The person resumes the session: the same note grows.
    await sessions.run('And after it?', { resume: session });
    const grown = await noteOf(session, 2, 'Second turn: and then cumin.');
    expect(grown.summary.id).toBe(note.summary.id);
    await eventually(() => captured().some(({ results }) => results.some((result) => result.session === session && result.status === 'updated')));

    // A session in a codebase that is not captured, then one more in the captured repo: once the
    // last is in, the other one had its chance and is not.
    const { session: elsewhere } = await sessions.run('Which spice is elsewhere?', { cwd: other });
    const { session: last } = await sessions.run('One more question here?');
    await noteOf(last, 1, 'A last answer here: nutmeg.');
    const all = await notes();
    expect(all).toHaveLength(2);
    expect(JSON.stringify(captured())).not.toContain(elsewhere);

    // The imports told their progress as they read the session files.
    expect(sessions.engine.events.filter((event) => event.name === 'sessions.progress')).toContainEqual(
      expect.objectContaining({ payload: expect.objectContaining({ session, bytesRead: expect.any(Number), bytes: expect.any(Number) }) }));
  }, 180_000);
});
