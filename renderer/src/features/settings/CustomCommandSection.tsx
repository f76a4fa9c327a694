// The custom command: any program as an agent. It gets the prompt on stdin and its stdout is the
// note's Markdown. Written as a command line; saved as an argv (never run through a shell).
import { TerminalSquare, Trash2 } from 'lucide-react';
import { useId, useState, type FormEvent } from 'react';
import type { TaskSettings } from '../../../../shared/contract/settings';
import { Button } from '../../components/Button';
import { formatCommandLine, parseCommandLine } from './command-line';
import { fieldMessage, useUpdateSettings } from './use-settings';

export function CustomCommandSection({ settings }: { settings: TaskSettings }) {
  const id = useId();
  const saved = settings.customCommand;
  const [label, setLabel] = useState(saved?.label ?? '');
  const [line, setLine] = useState(saved ? formatCommandLine(saved.argv) : '');
  const [parseError, setParseError] = useState<string | null>(null);
  const save = useUpdateSettings();
  const error = parseError ?? fieldMessage(save.error);
  const changed = label !== (saved?.label ?? '') || line !== (saved ? formatCommandLine(saved.argv) : '');

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const parsed = parseCommandLine(line);
    if ('error' in parsed) return setParseError(parsed.error);
    setParseError(null);
    const customCommand = parsed.argv.length === 0 ? null : { ...(label.trim() ? { label: label.trim() } : {}), argv: parsed.argv };
    save.mutate({ customCommand });
  };
  const remove = (): void => {
    setLabel('');
    setLine('');
    setParseError(null);
    save.mutate({ customCommand: null });
  };

  return (
    <section className="settings-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Custom command</h2>
      <p className="settings-intro">
        Any program can be an agent: Fieldnotes starts it in the codebase’s folder (a scratch checkout for a PoC), writes the
        prompt to its <strong>stdin</strong>, and keeps what it prints on <strong>stdout</strong> as the note’s Markdown; the
        first line becomes the title. Exit code 0 means it worked. It runs with your permissions.
      </p>
      <form className="custom-command" onSubmit={submit}>
        <label htmlFor={`${id}-label`}>Name</label>
        <input id={`${id}-label`} value={label} placeholder="llm" autoComplete="off" onChange={(event) => setLabel(event.target.value)} />
        <label htmlFor={`${id}-line`}>Command line</label>
        <div className="custom-command-line">
          <TerminalSquare aria-hidden />
          <input
            id={`${id}-line`}
            className={error ? 'is-invalid' : undefined}
            value={line}
            placeholder="llm -m gpt-4o"
            spellCheck={false}
            autoComplete="off"
            onChange={(event) => setLine(event.target.value)}
          />
        </div>
        <div className="custom-command-actions">
          <Button type="submit" variant="primary" size="sm" disabled={!changed || save.isPending}>
            Save
          </Button>
          {saved && (
            <Button variant="ghost" size="sm" icon={<Trash2 />} onClick={remove}>
              Remove
            </Button>
          )}
          {save.isSuccess && !changed && <span className="setting-saved" role="status">Saved</span>}
        </div>
      </form>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
