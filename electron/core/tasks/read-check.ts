// Whether an agent could read the code it answered about: every tool call failed, or an explain
// task read no file of the codebase. Such an answer rests on nothing, and its note must say so.
import type { AgentEvent } from '../../../shared/model/agent-event';
import type { NoteMode } from '../../../shared/model/note';
import { isAbsolute, relative, resolve } from 'node:path';
import type { SourceRoots } from './sources';

type ToolCall = Extract<AgentEvent, { type: 'tool_call' }>;

const PREFIX = 'The agent could not read the code';

export class ReadCheck {
  /** Calls waiting for their result, by id (a call without an id waits in `unnamed`). */
  private readonly pending = new Map<string, ToolCall>();
  private readonly unnamed: ToolCall[] = [];
  /** Whether a call that succeeded looked at the codebase. */
  private read = false;
  private calls = 0;
  private failures = 0;
  private firstError: string | undefined;

  constructor(private readonly roots: SourceRoots | null, private readonly mode: NoteMode) {}

  add(event: AgentEvent): void {
    if (event.type === 'tool_call') {
      this.calls += 1;
      if (event.id === undefined) this.unnamed.push(event);
      else this.pending.set(event.id, event);
    } else if (event.type === 'tool_result') {
      const call = event.id === undefined ? this.unnamed.shift() : this.pending.get(event.id);
      if (event.id !== undefined) this.pending.delete(event.id);
      if (event.ok) {
        if (call && this.looksAtCodebase(call)) this.read = true;
      } else {
        this.failures += 1;
        this.firstError ??= oneLine(event.summary ?? '') || `${call?.name ?? 'a tool call'} failed`;
      }
    }
  }

  /**
   * The warning for the note of a task that ended well, or undefined when the agent did read
   * code. `sandbox` is the adapter's word that the CLI's sandbox kept its tools from working.
   */
  warning(options: { sandbox?: string | undefined; reportsToolCalls: boolean }): string | undefined {
    const { sandbox } = options;
    const everyCallFailed = this.calls > 0 && this.failures >= this.calls;
    const readNothing = this.mode === 'explain' && !this.read && options.reportsToolCalls;
    if (!sandbox && !everyCallFailed && !readNothing) return undefined;
    if (this.firstError !== undefined) return `${PREFIX}: ${this.firstError}${sandbox ? ` — ${sandbox}` : ''}`;
    if (sandbox) return `${PREFIX}: ${sandbox}`;
    return this.calls === 0
      ? `${PREFIX}: it read no file of the codebase (it made no tool call), so this answer does not rest on the code.`
      : `${PREFIX}: it read no file of the codebase, so this answer does not rest on the code.`;
  }

  /**
   * A call names a file or folder of the codebase, or names none (a search where the agent works,
   * `rg foo`, Grep without a path): only calls that name places outside it alone do not count.
   */
  private looksAtCodebase(call: ToolCall): boolean {
    if (call.paths.length === 0) return true;
    const roots = this.roots;
    if (roots === null) return false;
    return call.paths.some((path) => [roots.root, roots.alsoRoot].some((root) => {
      if (root === undefined) return false;
      const inside = relative(root, resolve(roots.cwd, path));
      return inside === '' || (!inside.startsWith('..') && !isAbsolute(inside));
    }));
  }
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 300 ? `${line.slice(0, 299)}…` : line;
}
