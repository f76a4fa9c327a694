// The sidebar's sync box: ahead/behind, the last sync, the error in words, and Sync. A notebook
// that is not shared yet gets a way to Settings ▸ Sharing instead.
import { ArrowDown, ArrowUp, CloudOff, GitMerge, RefreshCw, Share2 } from 'lucide-react';
import { formatWhen } from '../../lib/format';
import { openSettings } from '../app/use-route';
import { useRunSync, useSyncStatus } from './use-sync';
import './Sync.css';

export function SyncStatusBox({ enabled }: { enabled: boolean }) {
  const { data: status } = useSyncStatus(enabled);
  const run = useRunSync();
  if (!status) return null;
  if (!status.repo || !status.remote) {
    return (
      <section className="sync-box is-quiet" aria-label="Sharing">
        <button type="button" className="sidebar-item" onClick={() => openSettings('sharing')} title="Share this notebook with your team through git">
          <Share2 aria-hidden />
          <span className="sidebar-item-label">{status.repo ? 'Add a remote to sync' : 'Share this notebook'}</span>
        </button>
      </section>
    );
  }
  const syncing = status.syncing || run.isPending;
  const error = run.error?.message ?? status.lastError;
  const last = status.lastSync ? `Synced ${formatWhen(status.lastSync)}` : 'Never synced';
  return (
    <section className="sync-box" aria-label="Sync">
      <div className="sync-box-row">
        <span className="sync-box-counts" aria-label={`${status.ahead} to push, ${status.behind} to pull`} title="Commits here the remote does not have, and there not here (as of the last sync)">
          <ArrowUp aria-hidden />
          {status.ahead}
          <ArrowDown aria-hidden />
          {status.behind}
        </span>
        <button type="button" className="button button-secondary button-sm sync-box-button" onClick={() => run.mutate()} disabled={syncing} aria-label="Sync now" title={`Sync with ${status.remote}`}>
          <RefreshCw aria-hidden className={syncing ? 'is-spinning' : undefined} />
          <span>Sync</span>
        </button>
      </div>
      <p className="sync-box-when" title={status.remote}>
        {syncing ? 'Syncing…' : last}
      </p>
      {status.conflicts > 0 && (
        <p className="sync-box-note">
          <GitMerge aria-hidden /> {status.conflicts === 1 ? '1 note has' : `${status.conflicts} notes have`} both sides of a conflict
        </p>
      )}
      {status.uncommitted > 0 && !status.autoCommit && <p className="sync-box-note faint">{status.uncommitted === 1 ? '1 file' : `${status.uncommitted} files`} not committed</p>}
      {(error || status.commitError) && !syncing && (
        <p className="sync-box-error" role="alert">
          <CloudOff aria-hidden /> {error ?? status.commitError}
        </p>
      )}
    </section>
  );
}

/** The folded sidebar's Sync: one button, its state in its title, a mark when the last sync failed. */
export function SyncRailButton({ enabled }: { enabled: boolean }) {
  const { data: status } = useSyncStatus(enabled);
  const run = useRunSync();
  if (!status?.repo || !status.remote) return null;
  const syncing = status.syncing || run.isPending;
  const error = run.error?.message ?? status.lastError;
  const title = error ? `Sync failed: ${error}` : `Sync: ${status.ahead} to push, ${status.behind} to pull${status.lastSync ? ` · synced ${formatWhen(status.lastSync)}` : ''}`;
  return (
    <button type="button" className={`icon-button sync-rail${error ? ' is-failed' : ''}`} onClick={() => run.mutate()} disabled={syncing} aria-label="Sync now" title={title}>
      {error ? <CloudOff aria-hidden /> : <RefreshCw aria-hidden className={syncing ? 'is-spinning' : undefined} />}
    </button>
  );
}
