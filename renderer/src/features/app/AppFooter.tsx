import { Settings } from 'lucide-react';
import type { AppInfo } from '../../../../shared/contract/app';
import { ThemeToggle } from '../settings/ThemeToggle';
import { openSettings, type Route } from './use-route';

interface AppFooterProps {
  connected: boolean;
  transport: AppInfo['transport'] | undefined;
  view: Route['view'];
}

/** The sidebar's foot: whether the engine is there (desktop or browser mode), the theme, the settings. */
export function AppFooter({ connected, transport, view }: AppFooterProps) {
  return (
    <div className="app-footer">
      <span className={`connection${connected ? '' : ' is-offline'}`} title={connected ? 'Connected to the engine' : 'Reconnecting…'}>
        {connected ? (transport === 'http' ? 'Browser mode' : 'Desktop') : 'Reconnecting…'}
      </span>
      <span className="app-footer-buttons">
        <ThemeToggle />
        <button
          type="button"
          className={`icon-button${view === 'settings' ? ' is-active' : ''}`}
          onClick={() => openSettings()}
          aria-label="Settings"
          aria-current={view === 'settings' ? 'page' : undefined}
          title="Settings"
        >
          <Settings />
        </button>
      </span>
    </div>
  );
}
