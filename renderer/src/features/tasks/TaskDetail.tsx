// One task in full: what was asked and what the agent may do, how far it got, the answer as it
// streams, every tool call, the files read — its recorded history (tasks.get) followed live.
import { FolderGit2, FolderOpen, ShieldCheck, TriangleAlert } from 'lucide-react';
import { useMemo, type ReactNode } from 'react';
import type { Task } from '../../../../shared/model/task';
import { Button } from '../../components/Button';
import { CopyText } from '../../components/CopyText';
import { StatusBadge } from '../../components/StatusBadge';
import { showError } from '../../components/toast-store';
import { formatWhen } from '../../lib/format';
import { useNow } from '../../lib/use-now';
import { useAgentLabels, useSettings } from '../settings/use-settings';
import { CloudState } from './CloudState';
import { LiveAnswer } from './LiveAnswer';
import { viewOf } from './live-output';
import { TaskActions } from './TaskActions';
import { TaskActivity } from './TaskActivity';
import { TaskClock } from './TaskCard';
import { formatChars, formatElapsed, ordinal } from './task-format';
import { useRevealScratch } from './use-scratch';
import { useTaskTranscript } from './use-tasks';

export function TaskDetail({ task }: { task: Task }) {
  const label = useAgentLabels()(task.agent);
  const transcript = useTaskTranscript(task.id);
  const view = useMemo(() => viewOf(transcript.output), [transcript.output]);
  const running = task.status === 'running';

  return (
    <article className="task-detail" aria-label={`Task: ${task.title}`}>
      <header className="note-header">
        <div className="note-toolbar">
          <TaskActions task={task} />
        </div>
        <h1 className="note-title">{task.title}</h1>
        {task.question.trim() !== task.title.trim() && <p className="note-question">{task.question}</p>}
        <div className="task-facts">
          <StatusBadge status={task.status} />
          <TaskClock task={task} timeOnly />
          <span>{label}</span>
          {task.repo && (
            <span title={task.repo.path}>
              <FolderGit2 aria-hidden /> {task.repo.name}
            </span>
          )}
          <span>{task.mode === 'poc' ? 'PoC' : 'Explain'}</span>
          <span className="faint">asked {formatWhen(task.created)}</span>
        </div>
        <div className="task-permissions" aria-label="What the agent may do">
          <ShieldCheck aria-hidden />
          <span>{task.permissions}</span>
        </div>
        <CloudState task={task} />
        {task.scratchDir && <ScratchDir dir={task.scratchDir} />}
        {task.error && (
          <div className="note-banner is-error" role="note">
            <TriangleAlert aria-hidden />
            <div>{task.error}</div>
          </div>
        )}
        {task.warning && (
          <div className="note-banner is-warning" role="note" aria-label="The agent could not read the code">
            <TriangleAlert aria-hidden />
            <div>{task.warning}</div>
          </div>
        )}
      </header>

      {task.status === 'queued' && <QueuedLine task={task} />}
      {/* A cloud agent's tool calls and reads happen at its service: its state line says how it goes. */}
      {!task.cloud && (running || task.progress.toolCalls > 0 || task.progress.textChars > 0) && <ProgressStats task={task} />}

      <Section title={running ? 'Answer so far' : 'Answer'}>
        {transcript.error && !running ? (
          <p className="task-empty-line">{transcript.error.message}</p>
        ) : (
          <LiveAnswer text={view.text} cut={view.textCut || transcript.truncated} running={running} />
        )}
      </Section>
      <Section title="Activity">
        <TaskActivity activity={view.activity} agent={task.agent} />
      </Section>
      {view.filesRead.length > 0 && (
        <Section title={`Files read (${Math.max(task.progress.filesRead, view.filesRead.length)})`}>
          <ul className="task-files">
            {view.filesRead.map((path) => (
              <li key={path}>
                <code>{path}</code>
              </li>
            ))}
          </ul>
        </Section>
      )}
    </article>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="task-section" aria-label={title}>
      <h2 className="eyebrow">{title}</h2>
      {children}
    </section>
  );
}

function ProgressStats({ task }: { task: Task }) {
  const now = useNow();
  const { progress } = task;
  const quiet = progress.lastActivity ? Math.max(0, Math.round((now - Date.parse(progress.lastActivity)) / 1000)) : null;
  return (
    <div className="task-stats" aria-label="Progress">
      <Stat value={progress.filesRead} label="files read" />
      <Stat value={progress.toolCalls} label="tool calls" />
      <Stat value={formatChars(progress.textChars)} label="of answer" />
      {task.status === 'running' && quiet !== null && <Stat value={quiet < 2 ? 'now' : `${formatElapsed(quiet * 1000)} ago`} label="last output" />}
      {progress.lastTool && (
        <div className="task-stats-tool" title={progress.lastTool}>
          {progress.lastTool}
        </div>
      )}
    </div>
  );
}

function Stat({ value, label }: { value: ReactNode; label: string }) {
  return (
    <div className="task-stat">
      <strong>{value}</strong> <span>{label}</span>
    </div>
  );
}

function QueuedLine({ task }: { task: Task }) {
  const concurrency = useSettings().data?.tasks.concurrency;
  return (
    <p className="task-queued-line">
      Waiting for a free slot{task.position ? `: ${ordinal(task.position)} in line` : ''}.
      {concurrency !== undefined && ` ${concurrency === 1 ? 'One task runs' : `${concurrency} tasks run`} at once; change that in Settings.`}
    </p>
  );
}

function ScratchDir({ dir }: { dir: string }) {
  const reveal = useRevealScratch();
  const name = dir.replace(/[\\/]+$/, '').split(/[\\/]/).pop() ?? dir;
  return (
    <div className="task-scratch">
      <span className="faint">Scratch checkout</span>
      <CopyText text={dir} label="the scratch checkout’s path" />
      <Button size="sm" variant="ghost" icon={<FolderOpen />} onClick={() => reveal.mutate(name, { onError: showError })}>
        Reveal
      </Button>
    </div>
  );
}
