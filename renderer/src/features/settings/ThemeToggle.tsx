import { Monitor, Moon, Sun } from 'lucide-react';
import { setThemeChoice, useThemeChoice, type ThemeChoice } from './theme';

const NEXT: Record<ThemeChoice, ThemeChoice> = { system: 'light', light: 'dark', dark: 'system' };
const LABEL: Record<ThemeChoice, string> = { system: 'Theme follows the system', light: 'Light theme', dark: 'Dark theme' };

/** Cycles the theme: system → light → dark. */
export function ThemeToggle() {
  const choice = useThemeChoice();
  const Icon = choice === 'system' ? Monitor : choice === 'light' ? Sun : Moon;
  return (
    <button
      type="button"
      className="icon-button"
      onClick={() => setThemeChoice(NEXT[choice])}
      title={`${LABEL[choice]} (click to change)`}
      aria-label={LABEL[choice]}
    >
      <Icon />
    </button>
  );
}
