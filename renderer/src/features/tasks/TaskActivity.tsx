// What the agent did besides writing: tool calls (and the files they touched), their results,
// retries, errors, diagnostics — the latest few hundred, virtualized, following the newest.
import { useVirtualizer } from '@tanstack/react-virtual';
import { AlertTriangle, Check, FileCode2, Info, RefreshCw, Terminal, X } from 'lucide-react';
import { useEffect, useRef, type ReactNode } from 'react';
import { foldRetries, retryLine, type ReachHelp, type RetryRun } from '../../../../shared/model/retry-runs';
import { useAgents } from '../settings/use-settings';
import type { OutputView } from './live-output';

type ActivityEvent = OutputView['activity'][number] | RetryRun;

const ROW_HEIGHT = 26;
/** The box grows with its rows up to this, then scrolls. */
const MAX_HEIGHT = 260;

function describe(event: ActivityEvent, reach: ReachHelp | undefined): { icon: ReactNode; text: string; tone?: 'error' | 'faint' } | null {
  switch (event.type) {
    case 'tool_call':
      return {
        icon: event.paths.length > 0 ? <FileCode2 /> : <Terminal />,
        text: [event.name, event.summary ?? event.paths.join(', ')].filter(Boolean).join('  '),
      };
    case 'tool_result':
      return { icon: event.ok ? <Check /> : <X />, text: event.summary ?? (event.ok ? 'ok' : 'failed'), tone: event.ok ? 'faint' : 'error' };
    case 'retries':
      // A run of retries is one line with its count, and what to check once it is more than a blip.
      return { icon: <RefreshCw />, text: retryLine(event, event.count > 1 ? reach : undefined), tone: event.count > 1 ? 'error' : undefined };
    case 'error':
      return { icon: <AlertTriangle />, text: event.message, tone: 'error' };
    case 'diagnostic':
      return { icon: <Info />, text: event.message, tone: 'faint' };
    case 'session':
      return { icon: <Info />, text: `Session ${event.session}${event.model ? ` · ${event.model}` : ''}`, tone: 'faint' };
    case 'exit':
      return { icon: <Info />, text: `Exited${event.code !== null ? ` with code ${event.code}` : ''}${event.signal ? ` (${event.signal})` : ''}`, tone: 'faint' };
    default:
      return null;
  }
}

/** The activity of a run of `agent` (its id: what to check when it cannot reach its model comes from its adapter). */
export function TaskActivity({ activity, agent }: { activity: OutputView['activity']; agent?: string }) {
  const reach = useAgents().data?.find((info) => info.id === agent)?.reach;
  const rows = foldRetries(activity).flatMap((event) => describe(event, reach) ?? []);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });

  useEffect(() => {
    if (rows.length > 0) virtualizer.scrollToIndex(rows.length - 1, { align: 'end' });
  }, [rows.length, virtualizer]);

  if (rows.length === 0) return <p className="task-empty-line">No tool calls yet.</p>;
  return (
    <div ref={scrollRef} className="task-activity" role="log" aria-label="Activity" style={{ height: Math.min(MAX_HEIGHT, rows.length * ROW_HEIGHT + 10) }}>
      <div style={{ height: virtualizer.getTotalSize() }} className="task-activity-inner">
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index]!;
          return (
            <div key={item.key} className={`task-activity-row${row.tone ? ` is-${row.tone}` : ''}`} style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}>
              {row.icon}
              <span title={row.text}>{row.text}</span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
