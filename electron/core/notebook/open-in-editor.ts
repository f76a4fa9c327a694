// Opens a file a note links to in the user's editor (the `editor` setting), at the line when the
// link names one; the system opener takes files when no editor is chosen (it knows no lines).
import { ApiError } from '../../../shared/contract/errors';
import type { EditorSetting } from '../../../shared/contract/settings';
import { fillEditorArgv, KNOWN_EDITORS, knownEditorArgv } from '../../../shared/editor-commands';
import { launchDetached } from '../ports/launch-detached';
import type { NativePorts } from '../ports/native-ports';

export interface OpenTarget {
  /** The absolute path of the file or folder. */
  path: string;
  line?: number;
  /** Where an editor starts (the note's repository), so relative paths in its own UI make sense. */
  cwd?: string;
}

/** Opens the file; resolves once the program started, fails with a clear message when it is missing. */
export async function openInEditor(editor: EditorSetting, target: OpenTarget, ports: Pick<NativePorts, 'openPath'>): Promise<void> {
  if (editor.kind === 'system') return ports.openPath(target.path);
  if (editor.kind === 'custom') {
    const [command, ...args] = fillEditorArgv(editor.argv, target.path, target.line);
    if (!command) throw new ApiError('BAD_INPUT', 'The editor’s command line is empty; set one in Settings.');
    return launchDetached(command, args, { cwd: target.cwd, missingHint: 'Check the editor’s command line in Settings.' });
  }
  const [command, ...args] = knownEditorArgv(editor.kind, target.path, target.line);
  const info = KNOWN_EDITORS[editor.kind];
  return launchDetached(command!, args, { cwd: target.cwd, missingHint: `${info.installHint} Or choose another editor in Settings.` });
}
