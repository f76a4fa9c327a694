// The scratch checkouts PoC tasks left behind: whose they are, how much disk they take, where they
// are (shown in the file manager, or the path copied), and discarding one after confirming.
import { FolderOpen, Trash2 } from 'lucide-react';
import { useState } from 'react';
import type { ScratchCheckoutInfo } from '../../../../shared/contract/tasks';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { CopyText } from '../../components/CopyText';
import { showError, showToast } from '../../components/toast-store';
import { formatWhen } from '../../lib/format';
import { openNote } from '../app/use-route';
import { useNoteList } from '../notes/use-notes';
import { useDiscardScratch, useRevealScratch, useScratchCheckouts } from '../tasks/use-scratch';

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

export function ScratchCheckouts() {
  const checkouts = useScratchCheckouts();
  const notes = useNoteList().data ?? [];
  const discard = useDiscardScratch();
  const reveal = useRevealScratch();
  const [confirming, setConfirming] = useState<ScratchCheckoutInfo | null>(null);
  const list = checkouts.data ?? [];
  const total = list.reduce((sum, checkout) => sum + checkout.bytes, 0);
  const titleOf = (taskId: string | undefined) => notes.find((note) => note.id === taskId)?.title;

  return (
    <section className="settings-section" aria-labelledby="settings-scratch">
      <div className="settings-section-head">
        <h2 id="settings-scratch">Scratch checkouts</h2>
        {list.length > 0 && <span className="faint">{formatBytes(total)} in all</span>}
      </div>
      <p className="settings-intro">
        A PoC works in a scratch checkout — a git worktree of the codebase, or an empty repository — that stays after the task
        so you can look at it or follow up in it. Its diff is kept with the note either way.
      </p>
      {checkouts.error && <p className="field-error">{checkouts.error.message}</p>}
      {checkouts.isSuccess && list.length === 0 && <p className="faint">None: no PoC has left one behind.</p>}
      <ul className="scratch-list" aria-label="Scratch checkouts">
        {list.map((checkout) => {
          const title = titleOf(checkout.taskId);
          return (
            <li key={checkout.name} className="scratch-row">
              <div className="scratch-row-text">
                {title ? (
                  <button type="button" className="link-button scratch-row-title" onClick={() => openNote(checkout.taskId!)}>
                    {title}
                  </button>
                ) : (
                  <span className="scratch-row-title">{checkout.name}</span>
                )}
                <span className="scratch-row-meta">
                  {formatBytes(checkout.bytes)} · {checkout.kind === 'worktree' ? 'git worktree' : 'empty repository'} · changed {formatWhen(checkout.modified)}
                </span>
                <CopyText text={checkout.dir} label="the checkout’s path" />
              </div>
              <div className="scratch-row-actions">
                <Button size="sm" variant="ghost" icon={<FolderOpen />} onClick={() => reveal.mutate(checkout.name, { onError: showError })}>
                  Reveal
                </Button>
                <Button size="sm" variant="danger" icon={<Trash2 />} onClick={() => setConfirming(checkout)} aria-label={`Discard ${title ?? checkout.name}`}>
                  Discard
                </Button>
              </div>
            </li>
          );
        })}
      </ul>
      {confirming && (
        <ConfirmDialog
          title="Discard this scratch checkout?"
          confirmLabel="Discard"
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            const { name } = confirming;
            setConfirming(null);
            discard.mutate(name, {
              onSuccess: () => showToast({ message: 'Discarded the scratch checkout.' }),
              onError: showError,
            });
          }}
        >
          <p>
            {confirming.dir} and everything in it will be deleted ({formatBytes(confirming.bytes)}). The note and its diff stay.
            A follow-up on it will start from a fresh checkout.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
