// "Open a shared notebook" in the notebook menu: clone a team's notebook (a git repository) into a
// new folder and open it.
import { GitBranchPlus } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { Button } from '../../components/Button';
import { useCloneNotebook } from './use-sync';

export function OpenSharedNotebook({ onOpened }: { onOpened: () => void }) {
  const [open, setOpen] = useState(false);
  const [url, setUrl] = useState('');
  const [path, setPath] = useState('');
  const clone = useCloneNotebook(onOpened);
  if (!open) {
    return (
      <Button variant="ghost" size="sm" icon={<GitBranchPlus />} onClick={() => setOpen(true)}>
        Open a shared notebook…
      </Button>
    );
  }
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (url.trim() && path.trim()) clone.mutate({ url: url.trim(), path: path.trim() });
  };
  return (
    <form className="clone-form" onSubmit={submit} aria-label="Open a shared notebook">
      <div className="notebook-menu-heading eyebrow">Open a shared notebook</div>
      <label htmlFor="clone-url">The team’s repository</label>
      <input id="clone-url" value={url} placeholder="git@github.com:team/notes.git" autoComplete="off" spellCheck={false} onChange={(event) => setUrl(event.target.value)} />
      <label htmlFor="clone-path">Clone into this new folder</label>
      <input id="clone-path" value={path} placeholder="/home/you/team-notes" autoComplete="off" spellCheck={false} onChange={(event) => setPath(event.target.value)} />
      <Button type="submit" variant="primary" size="sm" disabled={clone.isPending || !url.trim() || !path.trim()}>
        {clone.isPending ? 'Cloning…' : 'Clone and open'}
      </Button>
      {clone.error && (
        <p className="clone-form-error" role="alert">
          {clone.error.message}
        </p>
      )}
    </form>
  );
}
