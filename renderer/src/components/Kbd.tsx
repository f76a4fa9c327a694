import { MOD_LABEL } from '../lib/platform';
import './Kbd.css';

/** A keyboard shortcut, e.g. <Kbd keys={['mod', 'K']} />. */
export function Kbd({ keys }: { keys: string[] }) {
  return (
    <span className="kbd">
      {keys.map((key) => (
        <kbd key={key}>{key === 'mod' ? MOD_LABEL : key}</kbd>
      ))}
    </span>
  );
}
