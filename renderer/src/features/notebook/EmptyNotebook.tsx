import { Command as CommandIcon, MessageSquarePlus, NotebookPen } from 'lucide-react';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { Kbd } from '../../components/Kbd';
import { openAsk } from '../ask/ask-store';
import { NoAgentHelp } from '../ask/NoAgentHelp';

interface EmptyNotebookProps {
  /** The notebook's folder, when known. */
  path: string | undefined;
  /** No agent CLI was found: say how to get one. */
  noAgent: boolean;
  onOpenPalette: () => void;
}

/** A notebook without notes yet: what Fieldnotes keeps, where, and the first question to ask. */
export function EmptyNotebook({ path, noAgent, onOpenPalette }: EmptyNotebookProps) {
  return (
    <main className="app-onboarding">
      <EmptyState
        icon={<NotebookPen />}
        title="Your notebook is empty"
        actions={
          <>
            <Button variant="primary" icon={<MessageSquarePlus />} onClick={() => openAsk()}>
              Ask your first question
            </Button>
            <Button variant="secondary" icon={<CommandIcon />} onClick={onOpenPalette}>Command palette</Button>
          </>
        }
      >
        <p>
          Fieldnotes keeps what your coding agents explain as Markdown notes, each tied to the repo, commit and files it
          describes.
        </p>
        <p>
          Notes live in <code>{path ?? 'your notebook folder'}</code>. Markdown files you put there — an Obsidian vault,
          notes from another tool — show up here as soon as they are saved.
        </p>
        <p>
          Press <Kbd keys={['mod', 'Shift', 'P']} /> at any time to run a command.
        </p>
        {noAgent && <NoAgentHelp />}
      </EmptyState>
    </main>
  );
}
