// The task's time limits, folded away: empty means the settings' values, shown as placeholders.
import { useId } from 'react';
import { formatDuration } from '../../lib/format';

interface AdvancedOptionsProps {
  idleTimeoutSec: number | undefined;
  wallTimeoutSec: number | undefined;
  defaults: { idleTimeoutSec: number; wallTimeoutSec: number } | undefined;
  onChange: (patch: { idleTimeoutSec?: number | undefined; wallTimeoutSec?: number | undefined }) => void;
}

export function AdvancedOptions({ idleTimeoutSec, wallTimeoutSec, defaults, onChange }: AdvancedOptionsProps) {
  const id = useId();
  const number = (text: string): number | undefined => (text.trim() === '' ? undefined : Math.round(Number(text)));
  const overridden = idleTimeoutSec !== undefined || wallTimeoutSec !== undefined;
  return (
    <details className="advanced-options" open={overridden || undefined}>
      <summary>Advanced: time limits{overridden ? ' (changed)' : ''}</summary>
      <div className="advanced-options-grid">
        <label htmlFor={`${id}-idle`}>Stop when the agent is silent for</label>
        <span className="seconds-field">
          <input
            id={`${id}-idle`}
            type="number"
            min={5}
            inputMode="numeric"
            value={idleTimeoutSec ?? ''}
            placeholder={defaults ? String(defaults.idleTimeoutSec) : ''}
            onChange={(event) => onChange({ idleTimeoutSec: number(event.target.value) })}
          />
          seconds
        </span>
        <label htmlFor={`${id}-wall`}>Stop when it has run for</label>
        <span className="seconds-field">
          <input
            id={`${id}-wall`}
            type="number"
            min={10}
            inputMode="numeric"
            value={wallTimeoutSec ?? ''}
            placeholder={defaults ? String(defaults.wallTimeoutSec) : ''}
            onChange={(event) => onChange({ wallTimeoutSec: number(event.target.value) })}
          />
          seconds
        </span>
      </div>
      {defaults && (
        <p className="field-hint">
          Empty: the settings’ {formatDuration(defaults.idleTimeoutSec * 1000)} and {formatDuration(defaults.wallTimeoutSec * 1000)}.
        </p>
      )}
    </details>
  );
}
