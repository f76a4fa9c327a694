// Where the composers live: the Ask dialog or the follow-up dialog, whichever is open, and the
// shortcut that opens Ask from anywhere (see ask-shortcut.ts).
import { useEffect } from 'react';
import { isAskShortcut } from './ask-shortcut';
import { AskDialog } from './AskDialog';
import { openAsk, useComposer } from './ask-store';
import { FollowUpDialog } from './FollowUpDialog';

export function Composer({ canChooseFolder }: { canChooseFolder: boolean }) {
  const composer = useComposer();

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (isAskShortcut(event)) {
        event.preventDefault();
        openAsk();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  if (composer.kind === 'ask') return <AskDialog canChooseFolder={canChooseFolder} />;
  if (composer.kind === 'follow-up') return <FollowUpDialog key={composer.noteId} noteId={composer.noteId} />;
  return null;
}
