// Settings: Sharing. Make the notebook a git repository with a remote, let Fieldnotes commit its own
// changes, sync every N minutes, choose whether transcripts and artifacts go in git (with their
// size), and map a codebase's remote to its folder on this machine (for notes from elsewhere).
import { useId, useState } from 'react';
import type { SyncSettings } from '../../../../shared/contract/settings';
import { Button } from '../../components/Button';
import { PathForm } from '../../components/PathForm';
import { formatBytes, useSetUpSync, useSyncStatus } from '../sync/use-sync';
import { fieldMessage, useUpdateSyncSettings } from './use-settings';

export function SharingSection({ settings }: { settings: SyncSettings }) {
  const { data: status } = useSyncStatus();
  const save = useUpdateSyncSettings();
  const setUp = useSetUpSync();
  const [remote, setRemote] = useState<string | null>(null);
  const minutesId = useId();
  const [minutes, setMinutes] = useState<string | null>(null);
  const error = fieldMessage(save.error);
  const shown = remote ?? status?.remote ?? '';

  const saveMinutes = (): void => {
    if (minutes === null) return;
    if (minutes.trim() === '' || Number(minutes) === settings.syncEveryMin) return setMinutes(null);
    save.mutate({ syncEveryMin: Number(minutes) }, { onSuccess: () => setMinutes(null) });
  };

  return (
    <section className="settings-section" aria-labelledby="settings-sharing">
      <h2 id="settings-sharing">Sharing</h2>
      <p className="settings-intro">
        Share this notebook with your team through git, with your own git and its credentials. {status?.repo ? (
          <>The notebook is a git repository{status.branch ? <> on <code>{status.branch}</code></> : null}{status.remote ? <> shared with <code>{status.remote}</code></> : ', with no remote yet'}.</>
        ) : (
          'It is not a git repository yet.'
        )}
      </p>
      <div className="sharing-block">
        <PathForm
          id="sharing-remote"
          label="Remote (the team's repository)"
          placeholder="git@github.com:team/notes.git"
          value={shown}
          onChange={setRemote}
          onSubmit={(url) => setUp.mutate(url, { onSuccess: () => setRemote(null) })}
          action={status?.repo ? 'Save remote' : 'Set up sharing'}
          busy={setUp.isPending}
        />
        <p className="setting-hint">Fieldnotes writes the notebook’s .gitignore so its cache, temp files and trash never enter git.</p>
        {setUp.error && (
          <p className="field-error" role="alert">
            {setUp.error.message}
          </p>
        )}
      </div>
      <div className="setting">
        <label>
          <input type="checkbox" checked={settings.autoCommit} onChange={(event) => save.mutate({ autoCommit: event.target.checked })} />
          Commit Fieldnotes’ changes
        </label>
        <p className="setting-hint">Finished notes, title and tag edits, imports and deletions become one commit each. Notes still being written wait; your own edits and commits are left alone.</p>
      </div>
      <div className="setting">
        <label className="setting-label" htmlFor={minutesId}>
          Sync every
        </label>
        <div className="setting-control">
          <input
            id={minutesId}
            type="number"
            min={0}
            className="setting-number"
            value={minutes ?? String(settings.syncEveryMin)}
            onChange={(event) => setMinutes(event.target.value)}
            onBlur={saveMinutes}
            onKeyDown={(event) => event.key === 'Enter' && saveMinutes()}
          />
          <span className="setting-unit">minutes</span>
        </div>
        <p className="setting-hint">0 syncs only when you press Sync (or run fieldnotes sync).</p>
      </div>
      <div className="setting">
        <label>
          <input type="checkbox" checked={settings.transcripts} onChange={(event) => save.mutate({ transcripts: event.target.checked })} />
          Put transcripts in git
        </label>
        <p className="setting-hint">
          The agents’ full event logs{status ? `, ${formatBytes(status.sizes.transcripts)} here now` : ''}. They can grow large; notes are always shared.
        </p>
      </div>
      <div className="setting">
        <label>
          <input type="checkbox" checked={settings.artifacts} onChange={(event) => save.mutate({ artifacts: event.target.checked })} />
          Put artifacts in git
        </label>
        <p className="setting-hint">PoC diffs and other attachments{status ? `, ${formatBytes(status.sizes.artifacts)} here now` : ''}.</p>
      </div>
      <RepoMappings mappings={settings.repoMappings} onChange={(repoMappings) => save.mutate({ repoMappings })} />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

function RepoMappings({ mappings, onChange }: { mappings: Record<string, string>; onChange: (mappings: Record<string, string>) => void }) {
  const [remote, setRemote] = useState('');
  const [folder, setFolder] = useState('');
  const entries = Object.entries(mappings);
  return (
    <div className="sharing-block">
      <span className="setting-label">Codebases on this machine</span>
      <p className="setting-hint">Notes a teammate wrote name their codebase by its remote; say where it lives here, so staleness and citations work.</p>
      {entries.length > 0 && (
        <ul className="capture-folders" aria-label="Codebases by remote">
          {entries.map(([url, path]) => (
            <li key={url}>
              <code>{url}</code> → <code>{path}</code>
              <Button size="sm" aria-label={`Forget ${url}`} onClick={() => onChange(Object.fromEntries(entries.filter(([key]) => key !== url)))}>
                Forget
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div className="sharing-mapping-form">
        <div className="clone-form">
          <label htmlFor="mapping-remote">Remote</label>
          <input id="mapping-remote" value={remote} placeholder="https://github.com/sindresorhus/ky.git" spellCheck={false} onChange={(event) => setRemote(event.target.value)} />
        </div>
        <PathForm
          id="mapping-folder"
          label="Its folder here"
          placeholder="/home/you/src/ky"
          value={folder}
          onChange={setFolder}
          onSubmit={(path) => {
            if (!remote.trim()) return;
            onChange({ ...mappings, [remote.trim()]: path });
            setRemote('');
            setFolder('');
          }}
          action="Map"
        />
      </div>
    </div>
  );
}
