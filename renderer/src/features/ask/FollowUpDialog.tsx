// "Ask follow-up" on a note: a small composer with the note's agent and codebase. The engine
// resumes the agent's own session where the CLI can (same agent, a recorded session, the same
// folder), else sends the note along as context; this says beforehand which it will be, as the
// engine plans it (tasks.planFollowUp).
import { CornerDownRight } from 'lucide-react';
import { useState } from 'react';
import { Modal } from '../../components/Modal';
import { useNote } from '../notes/use-notes';
import { closeComposer } from './ask-store';
import { ComposerFooter, sendOnModEnter } from './ComposerFooter';
import { useAgents } from '../settings/use-settings';
import { useFollowUp, useFollowUpPlan } from './use-ask';

export function FollowUpDialog({ noteId }: { noteId: string }) {
  const { data: note } = useNote(noteId);
  const [question, setQuestion] = useState('');
  const [picked, setPicked] = useState<string | null>(null);
  const all = useAgents().data ?? [];
  const available = all.filter((each) => each.available);
  const followUp = useFollowUp();
  const noteAgent = note?.frontmatter?.agent?.id;
  const agent = picked ?? (available.some((each) => each.id === noteAgent) ? noteAgent : available[0]?.id) ?? null;
  const plan = useFollowUpPlan(noteId, agent);

  const send = (): void => {
    if (!agent || question.trim() === '' || followUp.isPending) return;
    followUp.mutate({ noteId, question, agent }, { onSuccess: closeComposer });
  };

  return (
    <Modal
      title="Ask a follow-up"
      className="follow-up-dialog"
      onClose={closeComposer}
      footer={
        <ComposerFooter
          error={followUp.error}
          sendLabel={followUp.isPending ? 'Asking…' : 'Ask follow-up'}
          onSend={send}
          onCancel={closeComposer}
          disabled={!agent || question.trim() === '' || followUp.isPending}
        />
      }
    >
      <div className="ask-form" onKeyDown={sendOnModEnter(send)}>
        <p className="follow-up-on">
          <CornerDownRight aria-hidden />
          <span>
            Following up <strong>{note?.summary.title ?? '…'}</strong>
            {note?.frontmatter?.repo && <span className="faint"> · {note.frontmatter.repo.name}</span>}
          </span>
        </p>
        <textarea className="ask-question" aria-label="Follow-up question" autoFocus rows={3} value={question} placeholder="And what happens when…?" onChange={(event) => setQuestion(event.target.value)} />
        <div className="follow-up-agent">
          <label htmlFor="follow-up-agent">Agent</label>
          <select id="follow-up-agent" value={agent ?? ''} onChange={(event) => setPicked(event.target.value)}>
            {available.map((each) => (
              <option key={each.id} value={each.id}>
                {each.label}
                {each.id === noteAgent ? ' (wrote this note)' : ''}
              </option>
            ))}
          </select>
        </div>
        {agent && (plan.data || plan.error) && (
          <p className="follow-up-continuation">{plan.data?.summary ?? (plan.error instanceof Error ? plan.error.message : '')}</p>
        )}
      </div>
    </Modal>
  );
}
