// The shortcut that opens Ask: Ctrl/Cmd-N in the desktop app. Browsers keep Ctrl-N for a new
// window (a page never sees it), so in a browser it is Alt-N; both work everywhere they arrive.
import { api } from '../../api';
import { hasMod } from '../../lib/platform';

/** The keys to show, as Kbd takes them. */
export const ASK_SHORTCUT: string[] = api.transport === 'ipc' ? ['mod', 'N'] : ['Alt', 'N'];

export function isAskShortcut(event: KeyboardEvent): boolean {
  if (event.shiftKey || event.code !== 'KeyN') return false;
  return (hasMod(event) && !event.altKey) || (event.altKey && !event.ctrlKey && !event.metaKey);
}
