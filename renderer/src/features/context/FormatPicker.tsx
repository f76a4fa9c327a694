import { CONTEXT_FORMATS, type ContextFormat } from '../../../../shared/context/context-bundle';
import { FORMAT_LABELS, setContextFormat, useContextFormat } from './context-format';

/** The xml/markdown choice for "copy as context"; remembered for the whole app. */
export function FormatPicker() {
  const format = useContextFormat();
  return (
    <select
      className="format-picker"
      aria-label="Context format"
      title="How notes are written when copied as context"
      value={format}
      onChange={(event) => setContextFormat(event.target.value as ContextFormat)}
    >
      {CONTEXT_FORMATS.map((option) => (
        <option key={option} value={option}>
          {FORMAT_LABELS[option]}
        </option>
      ))}
    </select>
  );
}
