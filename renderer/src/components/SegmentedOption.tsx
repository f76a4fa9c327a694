// One choice of a segmented control (a `.segmented` radiogroup): a button that is a radio.
import type { ReactNode } from 'react';

interface SegmentedOptionProps {
  checked: boolean;
  onSelect: () => void;
  disabled?: boolean;
  title?: string;
  children: ReactNode;
}

export function SegmentedOption({ checked, onSelect, disabled, title, children }: SegmentedOptionProps) {
  return (
    <button
      type="button"
      role="radio"
      aria-checked={checked}
      className={`segmented-option${checked ? ' is-checked' : ''}`}
      disabled={disabled}
      title={title}
      onClick={onSelect}
    >
      {children}
    </button>
  );
}
