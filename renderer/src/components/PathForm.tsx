// A folder typed by its full path, where no folder dialog exists (the browser) — the codebase
// picker's and the notebook switcher's: a label, a monospace path box, one button.
import type { FormEvent, ReactNode } from 'react';
import { Button } from './Button';
import './PathForm.css';

interface PathFormProps {
  id: string;
  label: string;
  placeholder: string;
  value: string;
  onChange: (path: string) => void;
  /** Called with the trimmed path; never with an empty one. */
  onSubmit: (path: string) => void;
  action: string;
  icon?: ReactNode;
  busy?: boolean;
}

export function PathForm({ id, label, placeholder, value, onChange, onSubmit, action, icon, busy = false }: PathFormProps) {
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (value.trim()) onSubmit(value.trim());
  };
  return (
    <form className="path-form" onSubmit={submit}>
      <label htmlFor={id}>{label}</label>
      <div className="path-form-row">
        <input id={id} value={value} placeholder={placeholder} autoComplete="off" spellCheck={false} onChange={(event) => onChange(event.target.value)} />
        <Button type="submit" variant="primary" size="sm" icon={icon} disabled={busy || !value.trim()}>
          {action}
        </Button>
      </div>
    </form>
  );
}
