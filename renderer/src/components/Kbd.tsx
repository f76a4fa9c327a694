import { MOD_LABEL, isMac } from '../lib/platform';
import './Kbd.css';

/** A keyboard shortcut, e.g. <Kbd keys={['mod', 'K']} />. */
export function Kbd({ keys }: { keys: string[] }) {
  return (
    <span className="kbd">
      {keys.map((key) => (
        <kbd key={key}>{key === 'mod' ? MOD_LABEL : key === 'Alt' && isMac ? '⌥' : key}</kbd>
      ))}
    </span>
  );
}
