// Settings: the editor a citation (any link to a file of the repo) opens in, at its line. The
// system's opener knows no lines; the named editors are started by their command line tools; a
// custom command line gets `{file}` and `{line}`, and is saved as an argv (never run by a shell).
import { useId, useState, type FormEvent } from 'react';
import type { EditorSetting } from '../../../../shared/contract/settings';
import { KNOWN_EDITORS, type EditorKind } from '../../../../shared/editor-commands';
import { Button } from '../../components/Button';
import { formatCommandLine, parseCommandLine } from './command-line';
import { fieldMessage, useUpdateEditor } from './use-settings';

const CHOICES: Array<{ kind: Exclude<EditorKind, 'custom'>; label: string; runs: string }> = [
  { kind: 'system', label: 'The system’s default app', runs: 'Opens the file at its top (it takes no line).' },
  ...(Object.entries(KNOWN_EDITORS) as Array<[keyof typeof KNOWN_EDITORS, (typeof KNOWN_EDITORS)[keyof typeof KNOWN_EDITORS]]>).map(([kind, editor]) => ({
    kind,
    label: editor.label,
    runs: formatCommandLine(editor.atLine),
  })),
];

export function EditorSection({ editor }: { editor: EditorSetting }) {
  const id = useId();
  const save = useUpdateEditor();
  const savedLine = editor.kind === 'custom' ? formatCommandLine(editor.argv) : '';
  const [custom, setCustom] = useState(editor.kind === 'custom');
  const [line, setLine] = useState(savedLine);
  const [parseError, setParseError] = useState<string | null>(null);
  const error = parseError ?? fieldMessage(save.error);

  const choose = (next: EditorSetting): void => {
    setCustom(false);
    setParseError(null);
    save.mutate(next);
  };
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const parsed = parseCommandLine(line);
    if ('error' in parsed) return setParseError(parsed.error);
    setParseError(null);
    save.mutate({ kind: 'custom', argv: parsed.argv });
  };

  return (
    <section className="settings-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Editor</h2>
      <p className="settings-intro">Where a citation opens when you click it: the file as it is now in your checkout, at the cited line.</p>
      <div className="setting" role="radiogroup" aria-label="Open files in">
        {CHOICES.map((choice) => (
          <label key={choice.kind} className="sandbox-choice">
            <input type="radio" name={`${id}-editor`} checked={!custom && editor.kind === choice.kind} onChange={() => choose({ kind: choice.kind })} />
            <span>
              {choice.label} <span className="setting-hint">{choice.kind === 'system' ? choice.runs : <code>{choice.runs}</code>}</span>
            </span>
          </label>
        ))}
        <label className="sandbox-choice">
          <input type="radio" name={`${id}-editor`} checked={custom} onChange={() => setCustom(true)} />
          <span>
            A command line <span className="setting-hint">with <code>{'{file}'}</code> and <code>{'{line}'}</code> where they go</span>
          </span>
        </label>
      </div>
      {custom && (
        <form className="custom-command" onSubmit={submit}>
          <label htmlFor={`${id}-line`}>Editor command line</label>
          <input
            id={`${id}-line`}
            className={error ? 'is-invalid' : undefined}
            value={line}
            placeholder="subl {file}:{line}"
            spellCheck={false}
            autoComplete="off"
            autoFocus={editor.kind !== 'custom'}
            onChange={(event) => setLine(event.target.value)}
          />
          <div className="custom-command-actions">
            <Button type="submit" variant="primary" size="sm" disabled={save.isPending || (editor.kind === 'custom' && line === savedLine)}>
              Save
            </Button>
            {save.isSuccess && editor.kind === 'custom' && line === savedLine && (
              <span className="setting-saved" role="status">
                Saved
              </span>
            )}
          </div>
        </form>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
