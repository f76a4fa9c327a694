// Where the composers live: the Ask dialog or the follow-up dialog, whichever is open, and the
// shortcut that opens Ask from anywhere (see ask-shortcut.ts). The dialogs are loaded the first
// time one opens: the window's first paint does not wait for them.
import { lazy, Suspense, useEffect } from 'react';
import { isAskShortcut } from './ask-shortcut';
import { openAsk, useComposer } from './ask-store';

const AskDialog = lazy(() => import('./AskDialog').then((module) => ({ default: module.AskDialog })));
const FollowUpDialog = lazy(() => import('./FollowUpDialog').then((module) => ({ default: module.FollowUpDialog })));

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

  if (composer.kind === 'closed') return null;
  return (
    <Suspense fallback={null}>
      {composer.kind === 'ask' ? <AskDialog canChooseFolder={canChooseFolder} /> : <FollowUpDialog key={composer.noteId} noteId={composer.noteId} />}
    </Suspense>
  );
}
