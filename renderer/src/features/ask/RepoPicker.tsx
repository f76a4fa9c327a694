// Which codebase to ask about: the recent ones with their branch, commit and uncommitted changes,
// another folder (the system dialog in the desktop app, a typed path in a browser), or none — a
// proof of concept that starts from an empty scratch repository.
import { Check, ChevronsUpDown, FolderGit2, FolderOpen, FolderPlus, Sparkles } from 'lucide-react';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { RepoInfo } from '../../../../shared/contract/tasks';
import { Button } from '../../components/Button';
import { PathForm } from '../../components/PathForm';
import { shortCommit } from '../../lib/format';
import { useAddRepo, useNotebookRepos, useRecentRepos } from './use-ask';

interface RepoPickerProps {
  /** The chosen folder; null for no codebase; undefined when none is chosen yet. */
  value: string | null | undefined;
  onChange: (path: string | null) => void;
  /** True in the desktop app, where the system folder dialog exists. */
  canChooseFolder: boolean;
}

/** "main · 3f2a9c1 · uncommitted changes", or why there is no commit. */
export function repoFacts(repo: RepoInfo): string {
  if (!repo.isGit) return 'not a git repository';
  if (!repo.commit) return `${repo.branch ?? 'git'} · no commit yet`;
  return [repo.branch ?? 'detached', shortCommit(repo.commit), repo.dirty ? 'uncommitted changes' : null].filter(Boolean).join(' · ');
}

export function RepoPicker({ value, onChange, canChooseFolder }: RepoPickerProps) {
  const [open, setOpen] = useState(false);
  const [path, setPath] = useState('');
  const recent = useRecentRepos();
  const add = useAddRepo();
  const box = useRef<HTMLDivElement>(null);
  const repos = recent.data ?? [];
  const noted = useNotebookRepos().data ?? [];
  const current = value ? [...repos, ...noted].find((repo) => repo.path === value) : undefined;

  useEffect(() => {
    if (!open) return;
    const onMouseDown = (event: MouseEvent) => !box.current?.contains(event.target as Node) && setOpen(false);
    window.addEventListener('mousedown', onMouseDown, true);
    return () => window.removeEventListener('mousedown', onMouseDown, true);
  }, [open]);

  const choose = (next: string | null): void => {
    onChange(next);
    setOpen(false);
    add.reset();
  };
  const addFolder = (folder: string | null): void => {
    add.mutate(folder, {
      onSuccess: (repo) => {
        if (repo) choose(repo.path);
        setPath('');
      },
    });
  };
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || !open) return;
    event.stopPropagation();
    setOpen(false);
  };

  return (
    <div
      className="repo-picker"
      ref={box}
      onKeyDown={onKeyDown}
    >
      <button type="button" className="repo-picker-button" aria-label="Codebase" aria-haspopup="dialog" aria-expanded={open} onClick={() => setOpen(!open)}>
        {value === null ? <Sparkles aria-hidden /> : <FolderGit2 aria-hidden />}
        <span className="repo-picker-name">{value === null ? 'No codebase' : current?.name ?? (value ? baseName(value) : 'Choose a codebase…')}</span>
        <span className="repo-picker-facts">
          {value === null ? 'a PoC in an empty scratch repository' : current ? repoFacts(current) : (value ?? '')}
        </span>
        <ChevronsUpDown className="repo-picker-chevron" aria-hidden />
      </button>
      {open && (
        <div className="repo-menu" role="dialog" aria-label="Choose a codebase">
          {repos.length > 0 && <div className="repo-menu-heading eyebrow">Recent codebases</div>}
          <ul className="repo-menu-list" aria-label="Recent codebases">
            {repos.map((repo) => (
              <RepoItem key={repo.path} repo={repo} chosen={repo.path === value} onChoose={choose} />
            ))}
          </ul>
          {noted.length > 0 && <div className="repo-menu-heading eyebrow">In this notebook</div>}
          <ul className="repo-menu-list" aria-label="Codebases in this notebook">
            {noted.map((repo) => (
              <RepoItem key={repo.path} repo={repo} chosen={repo.path === value} onChoose={choose} notes={repo.notes} />
            ))}
          </ul>
          <ul className="repo-menu-list">
            <li>
              <button type="button" className="repo-menu-item" onClick={() => choose(null)}>
                <Sparkles aria-hidden />
                <span className="repo-menu-text">
                  <span className="repo-menu-name">No codebase</span>
                  <span className="repo-menu-path">A proof of concept that starts from an empty scratch repository</span>
                </span>
                {value === null && <Check className="repo-menu-check" aria-label="Chosen" />}
              </button>
            </li>
          </ul>
          <div className="repo-menu-footer">
            {canChooseFolder ? (
              <Button size="sm" icon={<FolderOpen />} onClick={() => addFolder(null)} disabled={add.isPending}>
                Choose folder…
              </Button>
            ) : (
              <PathForm
                id="repo-path"
                label="Another codebase: its folder’s full path"
                placeholder="/home/you/src/project"
                value={path}
                onChange={setPath}
                onSubmit={addFolder}
                action="Add"
                icon={<FolderPlus />}
                busy={add.isPending}
              />
            )}
            {add.error && (
              <p className="field-error" role="alert">
                {add.error.message}
              </p>
            )}
          </div>
        </div>
      )}
    </div>
  );
}

function RepoItem({ repo, chosen, onChoose, notes }: { repo: RepoInfo; chosen: boolean; onChoose: (path: string) => void; notes?: number }) {
  return (
    <li>
      <button type="button" className="repo-menu-item" onClick={() => onChoose(repo.path)} title={repo.path}>
        <FolderGit2 aria-hidden />
        <span className="repo-menu-text">
          <span className="repo-menu-name">{repo.name}</span>
          <span className="repo-menu-path">{notes === undefined ? repo.path : `${notes === 1 ? '1 note' : `${notes} notes`} · ${repo.path}`}</span>
        </span>
        <span className={`repo-menu-facts${repo.dirty ? ' is-dirty' : ''}`}>{repoFacts(repo)}</span>
        {chosen && <Check className="repo-menu-check" aria-label="Chosen" />}
      </button>
    </li>
  );
}

function baseName(path: string): string {
  return path.replace(/[\\/]+$/, '').split(/[\\/]/).pop() || path;
}
