// Any command as an agent: the prompt on stdin, Markdown answer on stdout, exit 0 = success.
import path from 'node:path';
import type { AgentEvent } from '../../../shared/model/agent-event';
import type { AgentAdapter } from './agent-adapter';
import { findOnPath } from './detect';
import { firstLine } from './json-lines';

const MAX_PENDING = 16 * 1024;

/** The custom command agent's id in notes and in the API. */
export const CUSTOM_AGENT_ID = 'custom';

const SET_IT_UP = 'Set a command line in Settings (any program that reads the prompt on stdin and writes Markdown).';

export interface CustomCommandConfig {
  id?: string;
  label?: string;
  /** The command and its arguments, e.g. ["llm", "-m", "gpt-4o"]. Never run through a shell. */
  argv: readonly string[];
}

/** The custom command as configured, or (null) the one still to be set up in Settings. */
export function createCustomCommand(config: CustomCommandConfig | null): AgentAdapter {
  const [command, ...fixedArgs] = config?.argv ?? [];
  const label = config?.label ?? (command ? path.basename(command) : 'Custom command');
  // Whatever the command is, Fieldnotes cannot hold it to any terms: it runs as the user.
  const unlimited = 'Fieldnotes cannot limit what a custom command reads, writes or sends: it has your permissions.';
  return {
    id: config?.id ?? CUSTOM_AGENT_ID,
    label,
    installHint: SET_IT_UP,
    capabilities: {
      resume: false,
      modes: {
        explain: {
          summary: 'Fieldnotes cannot limit what a custom command reads, writes or sends: it runs with your permissions.',
          terms: (where) => `Runs ${label} in ${where}. ${unlimited}`,
        },
        poc: {
          summary: 'Fieldnotes cannot limit what a custom command reads, writes or sends: it runs with your permissions.',
          terms: (where) => `Runs ${label} in ${where} (a scratch checkout; your working tree is never touched). ${unlimited}`,
        },
      },
    },
    // Its stdout is the answer alone: whether it read anything cannot be told.
    reportsToolCalls: false,

    async detect(input) {
      if (command === undefined || command === '') {
        return { available: false, reason: 'No custom command is configured.', installHint: SET_IT_UP };
      }
      // Arbitrary commands may not know --version (or may start working on it): only look it up.
      const found = input.path ?? (await findOnPath(command, input.env));
      if (found === undefined) {
        return {
          available: false,
          reason: `${label} is not available: no \`${command}\` command on PATH.`,
          installHint: `Install ${command}, or change the custom agent's command line in Settings.`,
        };
      }
      return { available: true, path: found };
    },

    buildRun(request) {
      return {
        command: request.executable ?? command ?? '',
        args: [...fixedArgs],
        cwd: request.cwd,
        // The command may want to know what was asked of it; these are the only knobs it gets.
        env: { ...request.env, FIELDNOTES_MODE: request.mode, ...(request.model ? { FIELDNOTES_MODEL: request.model } : {}) },
        stdin: request.prompt,
      };
    },

    createParser() {
      // Whole lines at a time, so that a secret is never split across two events (and escapes
      // redaction); a very long line goes out in pieces.
      let pending = '';
      const take = (upTo: number): AgentEvent[] => {
        const text = pending.slice(0, upTo);
        pending = pending.slice(upTo);
        return text === '' ? [] : [{ type: 'text', text }];
      };
      return {
        push(chunk) {
          pending += chunk;
          if (pending.length > MAX_PENDING) return take(pending.length);
          return take(pending.lastIndexOf('\n') + 1);
        },
        end: () => take(pending.length),
      };
    },

    verdict({ exitCode, signal, answered, stderr }) {
      if (exitCode === 0) {
        // The answer is what it prints: a clean exit with nothing on stdout is no answer at all.
        if (answered) return { ok: true };
        return { ok: false, error: `${label} exited without printing an answer on stdout.` };
      }
      const detail = stderr ? firstLine(lastLine(stderr)) : '';
      const how = signal !== null ? `was stopped by ${signal}` : `exited with code ${exitCode}`;
      return { ok: false, error: `${label} ${how}${detail ? `: ${detail}` : '.'}` };
    },
  };
}

function lastLine(text: string): string {
  const lines = text.trim().split('\n');
  return lines[lines.length - 1] ?? '';
}
