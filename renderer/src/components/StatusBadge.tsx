import type { NoteStatus } from '../../../shared/model/note';
import './StatusBadge.css';

const LABELS: Record<NoteStatus, string> = {
  queued: 'Queued',
  running: 'Running',
  done: 'Done',
  failed: 'Failed',
  cancelled: 'Cancelled',
  interrupted: 'Interrupted',
};

/** A task's status as a colored dot, with its label unless `compact`. */
export function StatusBadge({ status, compact = false }: { status: NoteStatus; compact?: boolean }) {
  return (
    <span className={`status status-${status}`} title={LABELS[status]} aria-label={`Status: ${LABELS[status]}`}>
      <span className="status-dot" aria-hidden />
      {!compact && <span>{LABELS[status]}</span>}
    </span>
  );
}
