// The sidebar's notebook box: which notebook is open, and a menu to switch — recent notebooks,
// "Open folder…" (the system dialog in the desktop app, a path field in the browser).
import { BookOpen, Check, ChevronsUpDown, FolderOpen, FolderSearch } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import type { NotebookInfo } from '../../../../shared/contract/app';
import { api } from '../../api';
import { Button } from '../../components/Button';
import { PathForm } from '../../components/PathForm';
import { showError } from '../../components/toast-store';
import { OpenSharedNotebook } from '../sync/OpenSharedNotebook';
import { useOpenNotebook, useRecentNotebooks } from './use-notebooks';
import './NotebookSwitcher.css';

interface NotebookSwitcherProps {
  notebook: NotebookInfo | null;
  /** True in the desktop app, where the system folder dialog exists. */
  canChooseFolder: boolean;
  onSwitched: () => void;
}

export function NotebookSwitcher({ notebook, canChooseFolder, onSwitched }: NotebookSwitcherProps) {
  const [open, setOpen] = useState(false);
  const [path, setPath] = useState('');
  const [error, setError] = useState<string | null>(null);
  // The sidebar scrolls (and so clips), so the menu is placed on the page, under the button.
  const [place, setPlace] = useState<{ top: number; left: number }>({ top: 0, left: 0 });
  const box = useRef<HTMLDivElement>(null);
  const recent = useRecentNotebooks(open);
  const openNotebook = useOpenNotebook(onSwitched);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && setOpen(false);
    const onClick = (event: MouseEvent) => !box.current?.contains(event.target as Node) && setOpen(false);
    window.addEventListener('keydown', onKey);
    window.addEventListener('mousedown', onClick);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('mousedown', onClick);
    };
  }, [open]);

  const go = async (target: string): Promise<void> => {
    const failure = await openNotebook(target);
    setError(failure);
    if (!failure) {
      setOpen(false);
      setPath('');
    }
  };

  const choose = async (): Promise<void> => {
    try {
      const { path: chosen } = await api.notebook.chooseFolder();
      if (chosen) await go(chosen);
    } catch (failure) {
      showError(failure);
    }
  };


  return (
    <div className="notebook-switcher" ref={box}>
      <button
        type="button"
        className="sidebar-notebook"
        title={notebook?.path ?? 'No notebook is open'}
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={(event) => {
          const rect = event.currentTarget.getBoundingClientRect();
          setPlace({ top: rect.bottom + 6, left: rect.left });
          setOpen((value) => !value);
        }}
      >
        <BookOpen aria-hidden />
        <span>{notebook?.name ?? 'Open a notebook'}</span>
        <ChevronsUpDown className="notebook-switcher-chevron" aria-hidden />
      </button>
      {open && (
        <div className="notebook-menu" role="dialog" aria-label="Switch notebook" style={place}>
          <div className="notebook-menu-heading eyebrow">Recent notebooks</div>
          <ul className="notebook-menu-list">
            {(recent.data ?? []).map((entry) => (
              <li key={entry.path}>
                <button
                  type="button"
                  className="notebook-menu-item"
                  disabled={!entry.available}
                  title={entry.available ? entry.path : `${entry.path} is missing`}
                  onClick={() => void go(entry.path)}
                >
                  <span className="notebook-menu-name">
                    {entry.name}
                    {!entry.available && <span className="notebook-menu-missing"> · missing</span>}
                  </span>
                  <span className="notebook-menu-path">{entry.path}</span>
                  {entry.path === notebook?.path && <Check className="notebook-menu-check" aria-label="Open now" />}
                </button>
              </li>
            ))}
            {recent.isSuccess && recent.data.length === 0 && <li className="notebook-menu-empty">None yet.</li>}
          </ul>
          <div className="notebook-menu-footer">
            {canChooseFolder ? (
              <Button variant="secondary" size="sm" icon={<FolderOpen />} onClick={() => void choose()}>
                Open folder…
              </Button>
            ) : (
              <PathForm
                id="notebook-path"
                label="Open a folder by its full path"
                placeholder="/home/you/notes"
                value={path}
                onChange={setPath}
                onSubmit={(chosen) => void go(chosen)}
                action="Open"
              />
            )}
            {error && (
              <p className="notebook-menu-error" role="alert">
                {error}
              </p>
            )}
            <OpenSharedNotebook
              onOpened={() => {
                setOpen(false);
                onSwitched();
              }}
            />
            {notebook && (
              <Button variant="ghost" size="sm" icon={<FolderSearch />} onClick={() => void api.notebook.reveal().catch(showError)}>
                Show in file manager
              </Button>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
