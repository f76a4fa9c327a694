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
  const overridden = idleTimeoutSec !== undefined || wallTimeoutSec !== undefined;
  return (
    <details className="advanced-options" open={overridden || undefined}>
      <summary>Advanced: time limits{overridden ? ' (changed)' : ''}</summary>
      <div className="advanced-options-grid">
        <SecondsField
          id={`${id}-idle`}
          label="Stop when the agent is silent for"
          min={5}
          value={idleTimeoutSec}
          fallback={defaults?.idleTimeoutSec}
          onChange={(value) => onChange({ idleTimeoutSec: value })}
        />
        <SecondsField
          id={`${id}-wall`}
          label="Stop when it has run for"
          min={10}
          value={wallTimeoutSec}
          fallback={defaults?.wallTimeoutSec}
          onChange={(value) => onChange({ wallTimeoutSec: value })}
        />
      </div>
      {defaults && (
        <p className="field-hint">
          Empty: the settings’ {formatDuration(defaults.idleTimeoutSec * 1000)} and {formatDuration(defaults.wallTimeoutSec * 1000)}.
        </p>
      )}
    </details>
  );
}

interface SecondsFieldProps {
  id: string;
  label: string;
  min: number;
  value: number | undefined;
  /** The settings' value, shown while the field is empty. */
  fallback: number | undefined;
  onChange: (value: number | undefined) => void;
}

function SecondsField({ id, label, min, value, fallback, onChange }: SecondsFieldProps) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <span className="seconds-field">
        <input
          id={id}
          type="number"
          min={min}
          inputMode="numeric"
          value={value ?? ''}
          placeholder={fallback === undefined ? '' : String(fallback)}
          onChange={(event) => onChange(wholeSeconds(event.target.value))}
        />
        seconds
      </span>
    </>
  );
}

/** What a seconds box holds: nothing (the settings' value), or a whole number. */
function wholeSeconds(text: string): number | undefined {
  return text.trim() === '' ? undefined : Math.round(Number(text));
}
