// What a tool hands back to the model: readable text plus the same facts as structured content,
// or an error the model can act on (what was wrong and what to try instead), never a crash.
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { ApiError } from '../../shared/contract/errors';

export function toolResult<T extends Record<string, unknown>>(text: string, structured: T): CallToolResult & { structuredContent: T } {
  return { content: [{ type: 'text', text }], structuredContent: structured };
}

export function toolError(message: string): CallToolResult {
  return { content: [{ type: 'text', text: message }], isError: true };
}

/** A mistake in the call, raised inside a tool and reported as a tool error. */
export class ToolMistake extends Error {}

/** Runs a tool's work; ApiErrors and mistakes become tool errors, anything else is logged first. */
export async function guarded(tool: string, log: (message: string) => void, work: () => Promise<CallToolResult>): Promise<CallToolResult> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ToolMistake) return toolError(error.message);
    if (error instanceof ApiError) return toolError(forModel(error));
    log(`${tool} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return toolError(`${tool} failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The engine's message, with the next step spelled out for a model rather than a person at the app. */
function forModel(error: ApiError): string {
  if (error.code === 'NOTE_NOT_FOUND') {
    return `${error.message.replace(/ Choose the notes again\.$/, '').replace(/; `fieldnotes list` shows the ids\.$/, '.')} Find note ids with search_notes or recent_notes.`;
  }
  if (error.code === 'NOTEBOOK_UNAVAILABLE') return `${error.message} The Fieldnotes notebook is not available to this server; tell the user.`;
  return error.message;
}
