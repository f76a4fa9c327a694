// The command palette's dialog: jump to a note by title, search every note, or run an app command.
import { Command } from 'cmdk';
import { Columns3, FileText, ListChecks, MessageSquarePlus, Monitor, Moon, RefreshCw, Search, Settings, Sun } from 'lucide-react';
import { useMemo, useState, type ReactNode } from 'react';
import type { NoteSummary } from '../../../../shared/model/note';
import { Kbd } from '../../components/Kbd';
import { formatWhen } from '../../lib/format';
import { openSettings, openTasks } from '../app/use-route';
import { openAsk } from '../ask/ask-store';
import { ASK_SHORTCUT } from '../ask/ask-shortcut';
import { setThemeChoice } from '../settings/theme';
import './CommandPalette.css';

const MAX_NOTES = 40;

export interface PaletteAction {
  id: string;
  label: string;
  icon: ReactNode;
  shortcut?: string[];
  run: () => void;
}

export interface CommandPaletteProps {
  open: boolean;
  onClose: () => void;
  notes: NoteSummary[];
  onOpenNote: (id: string) => void;
  onReload: () => void;
  /** Search every note's text for what was typed (the search box takes over). */
  onSearch: (text: string) => void;
  /** Shows the note being read beside its siblings; absent when it has none. */
  onCompare?: () => void;
}

export function PaletteDialog({ onClose, notes, onOpenNote, onReload, onSearch, onCompare }: CommandPaletteProps) {
  const [query, setQuery] = useState('');

  const actions: PaletteAction[] = useMemo(
    () => [
      ...(onCompare ? [{ id: 'compare', label: 'Compare answers of this question', icon: <Columns3 />, run: onCompare }] : []),
      { id: 'ask', label: 'Ask a question…', icon: <MessageSquarePlus />, shortcut: ASK_SHORTCUT, run: () => openAsk() },
      { id: 'tasks', label: 'Show tasks', icon: <ListChecks />, run: () => openTasks() },
      { id: 'settings', label: 'Settings', icon: <Settings />, run: () => openSettings() },
      { id: 'reload', label: 'Reload notes from disk', icon: <RefreshCw />, run: onReload },
      { id: 'theme-system', label: 'Theme: follow the system', icon: <Monitor />, run: () => setThemeChoice('system') },
      { id: 'theme-light', label: 'Theme: light', icon: <Sun />, run: () => setThemeChoice('light') },
      { id: 'theme-dark', label: 'Theme: dark', icon: <Moon />, run: () => setThemeChoice('dark') },
    ],
    [onReload, onCompare],
  );

  // Matching is done here, not by cmdk, so a notebook of 10,000 notes stays instant.
  const needle = query.trim().toLowerCase();
  const matchingNotes = useMemo(() => {
    const matches = needle ? notes.filter((note) => note.title.toLowerCase().includes(needle)) : notes;
    return matches.slice(0, MAX_NOTES);
  }, [notes, needle]);
  const matchingActions = needle ? actions.filter((action) => action.label.toLowerCase().includes(needle)) : actions;

  const run = (action: () => void) => () => {
    onClose();
    action();
  };

  const searchGroup = needle && (
    <Command.Group heading="Search">
      <Command.Item value="search" onSelect={run(() => onSearch(query.trim()))}>
        <Search />
        <span className="palette-item-label">Search all notes for “{query.trim()}”</span>
        <Kbd keys={['mod', 'K']} />
      </Command.Item>
    </Command.Group>
  );
  const notesGroup = matchingNotes.length > 0 && (
    <Command.Group heading={needle ? 'Notes' : 'Recent notes'}>
      {matchingNotes.map((note) => (
        <Command.Item key={note.id} value={`note:${note.id}`} onSelect={run(() => onOpenNote(note.id))}>
          <FileText />
          <span className="palette-item-label">{note.title}</span>
          <span className="palette-item-hint">
            {[note.repo, formatWhen(note.created)].filter(Boolean).join(' · ')}
          </span>
        </Command.Item>
      ))}
    </Command.Group>
  );
  const commands = matchingActions.length > 0 && (
    <Command.Group heading="Commands">
      {matchingActions.map((action) => (
        <Command.Item key={action.id} value={`action:${action.id}`} onSelect={run(action.run)}>
          {action.icon}
          <span className="palette-item-label">{action.label}</span>
          {action.shortcut && <Kbd keys={action.shortcut} />}
        </Command.Item>
      ))}
    </Command.Group>
  );

  return (
    <div className="palette-backdrop" onMouseDown={onClose}>
      <div className="palette" role="dialog" aria-modal="true" aria-label="Command palette" onMouseDown={(e) => e.stopPropagation()}>
        <Command
          label="Command palette"
          shouldFilter={false}
          loop
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              onClose();
            }
          }}
        >
          <Command.Input autoFocus value={query} onValueChange={setQuery} placeholder="Jump to a note or run a command…" />
          <Command.List>
            <Command.Empty>
              Nothing matches “{query}”. Try fewer letters, or a word from the note’s title.
            </Command.Empty>
            {/* Typed words: a command that matches comes first (Enter on “dark” switches the theme), then
                notes by title, then searching their text. With nothing typed: recent notes, then commands. */}
            {needle && commands}
            {notesGroup}
            {needle ? searchGroup : commands}
          </Command.List>
          <div className="palette-footer">
            <span><Kbd keys={['↑', '↓']} /> move</span>
            <span><Kbd keys={['↵']} /> open</span>
            <span><Kbd keys={['Esc']} /> close</span>
          </div>
        </Command>
      </div>
    </div>
  );
}
