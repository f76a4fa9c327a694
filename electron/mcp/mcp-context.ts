// What every tool of the MCP server is given: the engine's methods, a log on stderr, and where to
// report the notes it served (a task run records them as the notes its agent consulted).
import type { NotebookCall } from './notebook-call';

export interface McpContext {
  call: NotebookCall;
  log: (message: string) => void;
  /** Notes whose content a tool handed to the client. */
  served: (ids: readonly string[]) => void;
  /** Settles once the search index holds every note (a fresh index is still being built). */
  searchReady: () => Promise<void>;
}

/** Waits (a bounded while) for search.status to say the index is complete. */
export async function waitForSearch(call: NotebookCall, { tries = 200, everyMs = 50 } = {}): Promise<void> {
  for (let i = 0; i < tries; i++) {
    const status = await call('search.status', {});
    if (status.state === 'ready' || status.state === 'failed') return;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
