// The Ask composer: a codebase, a question, a mode, the agents, notes as context, time limits —
// and before sending, the notes that may already answer it. Ctrl/Cmd-Enter sends. The engine's
// errors show here, and the draft stays until the question is sent.
import { Modal } from '../../components/Modal';
import { openNote } from '../app/use-route';
import { useSettings } from '../settings/use-settings';
import { AdvancedOptions } from './AdvancedOptions';
import { AgentPicker } from './AgentPicker';
import { clearDraft, closeComposer, updateDraft, useDraft } from './ask-store';
import { ComposerFooter, sendOnModEnter } from './ComposerFooter';
import { AttachedNotes } from './AttachedNotes';
import { CloudNotice } from './CloudNotice';
import { ModePicker } from './ModePicker';
import { NoAgentHelp } from './NoAgentHelp';
import { PastNotes } from './PastNotes';
import { RepoPicker } from './RepoPicker';
import { useAskQuestion, useQuestionPlan, useRecentRepos } from './use-ask';
import { usePastNotes } from './use-past-notes';
import './Ask.css';

export function AskDialog({ canChooseFolder }: { canChooseFolder: boolean }) {
  const draft = useDraft();
  const settings = useSettings();
  const recent = useRecentRepos();
  const plan = useQuestionPlan(draft);
  const ask = useAskQuestion();
  const { repoPath, mode } = plan;
  const repo = repoPath ? recent.data?.find((each) => each.path === repoPath) : undefined;
  const codebase = repoPath === null ? null : (repo?.name ?? repoPath?.split(/[\\/]/).pop() ?? null);
  const pastNotes = usePastNotes(draft.question, codebase);
  const agentList = plan.agentList ?? [];
  const byId = new Map(agentList.map((agent) => [agent.id, agent]));

  const send = (): void => {
    if (!ask.isPending) ask.mutate(draft, { onSuccess: clearDraft });
  };
  const count = plan.agents.length;
  const problem = plan.problem;

  return (
    <Modal
      title="Ask agents"
      className="ask-dialog"
      onClose={closeComposer}
      footer={
        <ComposerFooter
          error={ask.error}
          problem={draft.question.trim() !== '' ? problem : null}
          sendLabel={ask.isPending ? 'Asking…' : count > 1 ? `Ask ${count} agents` : `Ask ${byId.get(plan.agents[0] ?? '')?.label ?? 'agent'}`}
          onSend={send}
          onCancel={closeComposer}
          disabled={problem !== null || ask.isPending}
          title={problem ?? undefined}
        />
      }
    >
      <div onKeyDown={sendOnModEnter(send)} className="ask-form">
        <RepoPicker value={repoPath} onChange={(path) => updateDraft({ repoPath: path, ...(path === null ? { mode: 'poc' } : {}) })} canChooseFolder={canChooseFolder} />
        <textarea
          className="ask-question"
          aria-label="Question"
          autoFocus
          rows={4}
          readOnly={ask.isPending}
          value={draft.question}
          placeholder={mode === 'explain' ? 'How does request routing work, from the incoming request to the handler?' : 'Can this library retry on HTTP 429 with a Retry-After header? Try it.'}
          onChange={(event) => updateDraft({ question: event.target.value })}
        />
        {/* Slot for "You asked this before" (issue #6 §5): see use-past-notes.ts. */}
        <PastNotes
          notes={pastNotes}
          attached={draft.context}
          onOpen={(id) => {
            closeComposer();
            openNote(id);
          }}
          onAttach={(id) => updateDraft({ context: [...draft.context, id] })}
        />
        <AttachedNotes ids={draft.context} onChange={(context) => updateDraft({ context })} />
        <ModePicker mode={mode} onChange={(next) => updateDraft({ mode: next })} codebase={codebase} agents={plan.agents.flatMap((id) => byId.get(id) ?? [])} />
        {plan.agentList && plan.available.length === 0 && <NoAgentHelp />}
        <CloudNotice agents={plan.agents.flatMap((id) => byId.get(id) ?? [])} repo={repo} />
        <AgentPicker agents={agentList} chosen={plan.agents} settled={!plan.loading} onChange={(chosen) => updateDraft({ agents: chosen })} />
        <AdvancedOptions
          idleTimeoutSec={draft.idleTimeoutSec}
          wallTimeoutSec={draft.wallTimeoutSec}
          defaults={settings.data?.tasks}
          onChange={(patch) => updateDraft(patch)}
        />
      </div>
    </Modal>
  );
}
