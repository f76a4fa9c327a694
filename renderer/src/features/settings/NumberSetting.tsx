// A number setting that saves when the field is left or Enter is pressed, and shows the engine's
// message under it when the value is refused.
import { useId, useState } from 'react';
import type { TaskSettings } from '../../../../shared/contract/settings';
import { fieldMessage, useUpdateSettings } from './use-settings';

type NumberKey = 'concurrency' | 'idleTimeoutSec' | 'wallTimeoutSec';

interface NumberSettingProps {
  /** The key it sets, or how a value becomes a change (for settings inside a record). */
  setting: NumberKey | ((value: number) => Partial<TaskSettings>);
  label: string;
  hint: string;
  unit?: string;
  value: number;
}

export function NumberSetting({ setting, label, hint, unit, value }: NumberSettingProps) {
  const id = useId();
  const [text, setText] = useState<string | null>(null);
  const save = useUpdateSettings();
  const error = fieldMessage(save.error);

  const commit = (): void => {
    if (text === null) return;
    if (text.trim() === '' || Number(text) === value) {
      setText(null);
      save.reset();
      return;
    }
    const patch: Partial<TaskSettings> = typeof setting === 'function' ? setting(Number(text)) : { [setting]: Number(text) };
    save.mutate(patch, { onSuccess: () => setText(null) });
  };

  return (
    <div className="setting">
      <label className="setting-label" htmlFor={id}>
        {label}
      </label>
      <div className="setting-control">
        <input
          id={id}
          type="number"
          className={`setting-number${error ? ' is-invalid' : ''}`}
          value={text ?? String(value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint`}
          onChange={(event) => setText(event.target.value)}
          onBlur={commit}
          onKeyDown={(event) => {
            if (event.key === 'Enter') commit();
            if (event.key === 'Escape' && text !== null) {
              event.stopPropagation();
              setText(null);
              save.reset();
            }
          }}
        />
        {unit && <span className="setting-unit">{unit}</span>}
        {save.isSuccess && text === null && <span className="setting-saved" role="status">Saved</span>}
      </div>
      <p className="setting-hint" id={`${id}-hint`}>
        {hint}
      </p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
