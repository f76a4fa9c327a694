// The agents' own sessions on this machine (Claude Code, Codex, Gemini CLI), grouped by codebase,
// newest first: a preview of each, which are in the notebook already, and importing one, the
// chosen ones or all of a codebase, with progress.
import { CheckCircle2, Download, History, RefreshCw } from 'lucide-react';
import { useMemo, useState } from 'react';
import type { SessionImportResult, SessionListing } from '../../../../shared/contract/sessions';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { showError, showToast } from '../../components/toast-store';
import { formatWhen } from '../../lib/format';
import { openNote } from '../app/use-route';
import { useSettings, useUpdateSettings } from '../settings/use-settings';
import { groupByCodebase, useSessionImport, useSessions, type ImportProgress, type SessionGroup } from './use-sessions';
import './Sessions.css';

const AGENT_LABELS: Record<SessionListing['agent'], string> = { 'claude-code': 'Claude Code', codex: 'Codex', gemini: 'Gemini CLI' };

const keyOf = (session: SessionListing) => `${session.agent}:${session.id}`;

export function SessionsView() {
  const sessions = useSessions();
  const { importSessions, progress } = useSessionImport();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const listed = useMemo(() => sessions.data?.sessions ?? [], [sessions.data]);
  const groups = useMemo(() => groupByCodebase(listed), [listed]);

  const run = async (which: readonly SessionListing[]) => {
    try {
      const results = await importSessions(which);
      setChosen(new Set());
      showToast({ message: summary(results), tone: results.some((result) => result.status === 'failed') ? 'error' : 'info' });
    } catch (error) {
      showError(error);
    }
  };
  const toggle = (session: SessionListing) => setChosen((current) => {
    const next = new Set(current);
    if (!next.delete(keyOf(session))) next.add(keyOf(session));
    return next;
  });

  return (
    <section className="sessions-view" aria-label="Sessions">
      <header className="pane-header">
        <h2>Sessions</h2>
        <span className="pane-count">{sessions.isSuccess ? listed.length : ''}</span>
        <span className="sessions-actions">
          {progress && <ImportStatus progress={progress} />}
          {chosen.size > 0 && (
            <Button size="sm" variant="primary" icon={<Download />} disabled={progress !== null}
              onClick={() => void run(listed.filter((session) => chosen.has(keyOf(session))))}>
              Import {chosen.size} chosen
            </Button>
          )}
          <Button size="sm" icon={<RefreshCw />} onClick={() => void sessions.refetch()} disabled={sessions.isFetching} aria-label="Look for sessions again">
            Refresh
          </Button>
        </span>
      </header>
      {sessions.isError ? (
        <EmptyState icon={<History />} title="The sessions could not be listed"><p>{sessions.error.message}</p></EmptyState>
      ) : sessions.isSuccess && listed.length === 0 ? (
        <EmptyState icon={<History />} title="No agent sessions on this machine">
          <p>Sessions you run in a terminal with Claude Code, Codex or Gemini CLI show up here, ready to become notes.</p>
        </EmptyState>
      ) : (
        <div className="sessions-groups">
          {groups.map((group) => (
            <CodebaseGroup key={group.project ?? ''} group={group} chosen={chosen} busy={progress !== null} onToggle={toggle} onImport={(which) => void run(which)} />
          ))}
          {(sessions.data?.unreadable ?? []).map((file) => (
            <p key={file.file} className="sessions-unreadable">{file.file}: {file.message}</p>
          ))}
        </div>
      )}
    </section>
  );
}

interface GroupProps {
  group: SessionGroup;
  chosen: ReadonlySet<string>;
  busy: boolean;
  onToggle: (session: SessionListing) => void;
  onImport: (sessions: readonly SessionListing[]) => void;
}

function CodebaseGroup({ group, chosen, busy, onToggle, onImport }: GroupProps) {
  const pending = group.sessions.filter((session) => !session.imported?.current);
  return (
    <section className="sessions-group" aria-label={`Sessions in ${group.repo}`}>
      <header className="sessions-group-header">
        <h3 title={group.project}>{group.repo}</h3>
        <span className="pane-count">{group.sessions.length}</span>
        {group.project && <CaptureToggle folder={group.project} repo={group.repo} />}
        {pending.length > 0 && (
          <Button size="sm" icon={<Download />} disabled={busy} onClick={() => onImport(pending)} aria-label={`Import all of ${group.repo}`}>
            Import all ({pending.length})
          </Button>
        )}
      </header>
      <ul className="sessions-list">
        {group.sessions.map((session) => (
          <li key={keyOf(session)} className={`session-row${session.imported ? ' is-imported' : ''}`}>
            <input type="checkbox" checked={chosen.has(keyOf(session))} onChange={() => onToggle(session)} aria-label={`Choose ${session.firstPrompt || session.id}`} />
            <div className="session-row-text">
              <span className="session-row-title">{session.firstPrompt || '(no prompt)'}</span>
              {session.preview && <span className="session-row-preview">{session.preview}</span>}
              <span className="session-row-meta">
                {AGENT_LABELS[session.agent]} · {session.turns} {session.turns === 1 ? 'turn' : 'turns'}
                {session.ended ? ` · ${formatWhen(session.ended)}` : ''}
                {session.problems.length > 0 ? ` · ${session.problems.join(' ')}` : ''}
              </span>
            </div>
            {session.imported ? (
              <span className="session-row-state">
                <button type="button" className="session-imported" onClick={() => openNote(session.imported!.noteId)} title={session.imported.path}>
                  <CheckCircle2 aria-hidden /> {session.imported.current ? 'In the notebook' : 'Grew since'}
                </button>
                {!session.imported.current && (
                  <Button size="sm" disabled={busy} onClick={() => onImport([session])} aria-label={`Update the note of ${session.firstPrompt}`}>Update</Button>
                )}
              </span>
            ) : (
              <Button size="sm" disabled={busy} onClick={() => onImport([session])} aria-label={`Import ${session.firstPrompt || session.id}`}>Import</Button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** "Importing 2 of 5… Which spice? 34 MB of 100 MB", with a bar over the bytes of the file being read. */
function ImportStatus({ progress }: { progress: ImportProgress }) {
  const { reading } = progress;
  return (
    <span className="sessions-progress" role="status" aria-label="Import progress">
      Importing {Math.min(progress.done + 1, progress.total)} of {progress.total}…
      {reading ? (
        <>
          <span className="sessions-progress-file" title={reading.file}>{sizeText(reading.bytesRead)} of {sizeText(reading.bytes)}</span>
          <progress value={reading.bytesRead} max={Math.max(reading.bytes, 1)} aria-label={`Read ${sizeText(reading.bytesRead)} of ${sizeText(reading.bytes)}`} />
        </>
      ) : (
        <progress value={progress.done} max={progress.total} />
      )}
    </span>
  );
}

function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(bytes >= 10 * 1024 * 1024 ? 0 : 1)} MB`;
  return bytes >= 1024 ? `${Math.round(bytes / 1024)} KB` : `${bytes} B`;
}

/** "Capture new sessions" for one codebase: its folder in the setting, or not. */
function CaptureToggle({ folder, repo }: { folder: string; repo: string }) {
  const settings = useSettings();
  const save = useUpdateSettings();
  const captured = settings.data?.tasks.captureSessions ?? [];
  const on = captured.includes(folder);
  return (
    <label className="sessions-capture" title="Import this codebase’s new and grown sessions as they happen">
      <input
        type="checkbox"
        checked={on}
        disabled={!settings.isSuccess || save.isPending}
        aria-label={`Capture new sessions of ${repo}`}
        onChange={() => save.mutate({ captureSessions: on ? captured.filter((path) => path !== folder) : [...captured, folder] }, { onError: showError })}
      />
      Capture new sessions
    </label>
  );
}

function summary(results: readonly SessionImportResult[]): string {
  const count = (status: SessionImportResult['status']) => results.filter((result) => result.status === status).length;
  const parts = [
    count('created') && `${count('created')} new`,
    count('updated') && `${count('updated')} updated`,
    count('unchanged') && `${count('unchanged')} unchanged`,
    count('conflict') && `${count('conflict')} left as you edited them`,
    count('failed') && `${count('failed')} failed`,
  ].filter(Boolean);
  return `Imported sessions: ${parts.join(', ') || 'none'}.`;
}
