// Light, dark, or whatever the system uses.
import { Monitor, Moon, Sun } from 'lucide-react';
import { setThemeChoice, useThemeChoice, type ThemeChoice } from './theme';

const CHOICES: Array<{ choice: ThemeChoice; label: string; icon: typeof Sun }> = [
  { choice: 'system', label: 'System', icon: Monitor },
  { choice: 'light', label: 'Light', icon: Sun },
  { choice: 'dark', label: 'Dark', icon: Moon },
];

export function ThemePicker() {
  const current = useThemeChoice();
  return (
    <div className="segmented" role="radiogroup" aria-label="Theme">
      {CHOICES.map(({ choice, label, icon: Icon }) => (
        <button
          key={choice}
          type="button"
          role="radio"
          aria-checked={current === choice}
          className={`segmented-option${current === choice ? ' is-checked' : ''}`}
          onClick={() => setThemeChoice(choice)}
        >
          <Icon aria-hidden />
          <span className="segmented-label">{label}</span>
        </button>
      ))}
    </div>
  );
}
