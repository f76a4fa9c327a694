// Light, dark, or whatever the system uses.
import { Monitor, Moon, Sun } from 'lucide-react';
import { SegmentedOption } from '../../components/SegmentedOption';
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
        <SegmentedOption key={choice} checked={current === choice} onSelect={() => setThemeChoice(choice)}>
          <Icon aria-hidden />
          <span className="segmented-label">{label}</span>
        </SegmentedOption>
      ))}
    </div>
  );
}
