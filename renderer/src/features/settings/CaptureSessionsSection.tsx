// Settings: "Capture new sessions of these codebases": the codebases whose new terminal sessions
// (Claude Code, Codex, Gemini CLI) become notes by themselves. Off until a codebase is chosen here
// or in the Sessions view.
import type { TaskSettings } from '../../../../shared/contract/settings';
import { Button } from '../../components/Button';
import { useRecentRepos } from '../ask/use-ask';
import { fieldMessage, useUpdateSettings } from './use-settings';

export function CaptureSessionsSection({ settings }: { settings: TaskSettings }) {
  const save = useUpdateSettings();
  const error = fieldMessage(save.error);
  const captured = settings.captureSessions ?? [];
  const recent = (useRecentRepos().data ?? []).map((repo) => repo.path).filter((path) => !captured.includes(path));
  const set = (folders: string[]) => save.mutate({ captureSessions: folders });
  return (
    <section className="settings-section" aria-labelledby="settings-capture-sessions">
      <h2 id="settings-capture-sessions">Capture new sessions of these codebases</h2>
      <p className="setting-hint">
        Sessions you run in a terminal with Claude Code, Codex or Gemini CLI in one of these folders become notes as they appear, and their notes grow
        with them. Nothing is captured until you choose a codebase.
      </p>
      <ul className="capture-folders" aria-label="Codebases whose sessions are captured">
        {captured.map((folder) => (
          <li key={folder}>
            <code>{folder}</code>
            <Button size="sm" onClick={() => set(captured.filter((path) => path !== folder))} aria-label={`Stop capturing ${folder}`}>Stop</Button>
          </li>
        ))}
        {recent.map((folder) => (
          <li key={folder} className="faint">
            <code>{folder}</code>
            <Button size="sm" onClick={() => set([...captured, folder])} aria-label={`Capture ${folder}`}>Capture</Button>
          </li>
        ))}
      </ul>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
