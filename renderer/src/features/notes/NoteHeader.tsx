// The note's provenance at a glance: where it came from, who answered, when, and at what cost.
import { AlertTriangle, Bot, Clock, Coins, GitCommitHorizontal, FolderGit2 } from 'lucide-react';
import type { Note, NoteStatus } from '../../../../shared/model/note';
import { StatusBadge } from '../../components/StatusBadge';
import { formatCost, formatDateTime, formatDuration, formatTokens, shortCommit } from '../../lib/format';
import { useAgentLabels } from '../settings/use-settings';
import { StaleBadge, StaleBanner } from '../context/Staleness';
import { LiveTaskBanner } from '../tasks/LiveTaskBanner';
import { NoteRelations } from './NoteRelations';
import { NoteToolbar } from './NoteToolbar';
import { TagEditor } from './TagEditor';

interface NoteHeaderProps {
  note: Note;
  onTags: (tags: string[]) => void;
  onDelete: () => void;
}

/** How the error banner opens, by the status the task ended with. */
const TASK_ENDING: Record<NoteStatus, string> = {
  done: 'The task reported an error.',
  failed: 'The task failed.',
  cancelled: 'The task was cancelled.',
  interrupted: 'The task was interrupted.',
  running: 'The task reported an error.',
  queued: 'The task reported an error.',
};

/** "Cancelled while it was running." already says the task was cancelled: it is the banner's whole line. */
function restatesStatus(error: string, status: NoteStatus): boolean {
  return error.toLowerCase().startsWith(status);
}

export function NoteHeader({ note, onTags, onDelete }: NoteHeaderProps) {
  const { summary, frontmatter: fm } = note;
  const agentLabel = useAgentLabels();
  const tokens = (fm?.usage?.input_tokens ?? 0) + (fm?.usage?.output_tokens ?? 0);
  return (
    <header className="note-header">
      <NoteToolbar note={note} onDelete={onDelete} />
      <h1 className="note-title">{summary.title}</h1>
      {fm?.question && fm.question.trim() !== summary.title.trim() && <p className="note-question">{fm.question}</p>}
      <dl className="note-facts">
        <Fact icon={<StatusBadge status={summary.status} compact />} label="Status">
          {summary.status}
        </Fact>
        {fm?.repo && (
          <Fact icon={<FolderGit2 />} label="Repository">
            {fm.repo.name}
            {fm.repo.branch && <span className="faint"> on {fm.repo.branch}</span>}
          </Fact>
        )}
        {fm?.repo && (
          <Fact icon={<GitCommitHorizontal />} label="Commit">
            {fm.repo.commit ? (
              <code title={fm.repo.commit}>
                {shortCommit(fm.repo.commit)}
                {fm.repo.dirty ? '+dirty' : ''}
              </code>
            ) : (
              <span className="faint">not a git repository</span>
            )}
            <StaleBadge note={note} />
          </Fact>
        )}
        {fm?.agent && (
          <Fact icon={<Bot />} label="Agent">
            <span title={fm.agent.version ? `${fm.agent.id} ${fm.agent.version}` : fm.agent.id}>{agentLabel(fm.agent.id)}</span>
            {fm.agent.model && <span className="faint"> · {fm.agent.model}</span>}
          </Fact>
        )}
        <Fact icon={<Clock />} label="When">
          {formatDateTime(summary.created)}
          {fm?.duration_ms !== undefined && <span className="faint"> · took {formatDuration(fm.duration_ms)}</span>}
        </Fact>
        {(tokens > 0 || fm?.usage?.cost_usd !== undefined) && (
          <Fact icon={<Coins />} label="Usage">
            {tokens > 0 && (
              <span title={`${fm?.usage?.input_tokens ?? 0} in, ${fm?.usage?.output_tokens ?? 0} out`}>{formatTokens(tokens)} tokens</span>
            )}
            {fm?.usage?.cost_usd !== undefined && <span className="faint"> · {formatCost(fm.usage.cost_usd)}</span>}
          </Fact>
        )}
      </dl>
      <NoteRelations note={note} />
      <TagEditor tags={summary.tags} onChange={onTags} disabled={summary.problem !== undefined} />
      {summary.problem && (
        <div className="note-banner is-warning" role="note">
          <AlertTriangle aria-hidden />
          <div>
            <strong>This file has a problem.</strong> {summary.problem.message} Fix it in any editor; the note
            updates here as soon as the file is saved.
          </div>
        </div>
      )}
      <LiveTaskBanner note={note} />
      <StaleBanner note={note} />
      {fm?.warning && (
        <div className="note-banner is-warning" role="note" aria-label="The agent could not read the code">
          <AlertTriangle aria-hidden />
          <div>
            <strong>This answer may not rest on the code.</strong> {fm.warning} Copies of it as context carry this warning.
          </div>
        </div>
      )}
      {fm?.error && (
        <div className="note-banner is-error" role="note">
          <AlertTriangle aria-hidden />
          <div>
            {restatesStatus(fm.error, summary.status) ? <strong>{fm.error}</strong> : <><strong>{TASK_ENDING[summary.status]}</strong> {fm.error}</>}
          </div>
        </div>
      )}
    </header>
  );
}

function Fact({ icon, label, children }: { icon: React.ReactNode; label: string; children: React.ReactNode }) {
  return (
    <div className="note-fact" title={label}>
      <dt aria-label={label}>{icon}</dt>
      <dd>{children}</dd>
    </div>
  );
}
