import { useEffect, useState } from 'react';
import type { SearchStatus } from '../../../../shared/contract/search';

/** How long indexing must last before it is shown: a note or two is indexed faster than that. */
const SHOW_AFTER_MS = 400;

/**
 * "Indexing 1,200 of 10,000" with a bar, while the index is being built or caught up. Mount it
 * with the indexing run as its key: each run waits a moment before showing, so a note or two
 * indexed in a blink never flashes a progress bar.
 */
export function IndexingStatus({ status }: { status: SearchStatus | undefined }) {
  const indexing = status?.state === 'indexing' && status.progress !== null && status.progress.total > 0;
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    if (!indexing) return;
    const timer = setTimeout(() => setVisible(true), SHOW_AFTER_MS);
    return () => clearTimeout(timer);
  }, [indexing]);

  if (status?.state === 'failed') {
    return (
      <div className="indexing-status is-failed" role="status">
        Search is unavailable: {status.error ?? 'the index could not be read'}.
      </div>
    );
  }
  if (!indexing || !visible) return null;
  const { done, total } = status.progress!;
  const why = status.reason === 'reindex' ? 'Rebuilding the index' : status.reason === 'changes' ? 'Indexing changes' : 'Building the search index';
  return (
    <div className="indexing-status" role="status" aria-live="polite">
      <div className="indexing-status-text">
        <span>{why}</span>
        <span>
          indexing {done.toLocaleString()} of {total.toLocaleString()}
        </span>
      </div>
      <progress max={total} value={done} aria-label="Indexing progress" />
    </div>
  );
}
