// Explain or PoC, with a plain statement of what the chosen agents may do in that mode, and the
// sandbox every run is held in.
import { BookOpenText, FlaskConical, ShieldCheck } from 'lucide-react';
import type { AgentInfo } from '../../../../shared/contract/tasks';
import type { NoteMode } from '../../../../shared/model/note';
import { SegmentedOption } from '../../components/SegmentedOption';
import { modeSummary, sandboxSummary } from './permission-summary';

interface ModePickerProps {
  mode: NoteMode;
  onChange: (mode: NoteMode) => void;
  /** The codebase's name; null for none (explain needs one). */
  codebase: string | null;
  /** The agents asked, with their names and what each may do per mode (from agents.list). */
  agents: Array<Pick<AgentInfo, 'id' | 'label' | 'modes'>>;
}

const MODES: Array<{ mode: NoteMode; label: string; hint: string; icon: typeof BookOpenText }> = [
  { mode: 'explain', label: 'Explain', hint: 'How does it work?', icon: BookOpenText },
  { mode: 'poc', label: 'PoC', hint: 'Try it out in code', icon: FlaskConical },
];

export function ModePicker({ mode, onChange, codebase, agents }: ModePickerProps) {
  const explainNeedsCodebase = codebase === null;
  return (
    <div className="mode-picker">
      <div className="segmented" role="radiogroup" aria-label="Mode">
        {MODES.map(({ mode: each, label, hint, icon: Icon }) => {
          const disabled = each === 'explain' && explainNeedsCodebase;
          return (
            <SegmentedOption
              key={each}
              checked={mode === each}
              disabled={disabled}
              title={disabled ? 'Explain mode needs a codebase to read' : undefined}
              onSelect={() => onChange(each)}
            >
              <Icon aria-hidden />
              <span className="segmented-label">{label}</span>
              <span className="segmented-hint">{hint}</span>
            </SegmentedOption>
          );
        })}
      </div>
      <div className="permission-note" aria-label="What the agents may do">
        <ShieldCheck aria-hidden />
        <div>
          <p>{modeSummary(mode, codebase)}</p>
          {sandboxSummary(agents, mode) && <p className="permission-sandbox">{sandboxSummary(agents, mode)}</p>}
          {agents.length > 0 && (
            <ul>
              {agents.map((agent) => (
                <li key={agent.id}>
                  <strong>{agent.label}</strong> {agent.modes[mode].permissions}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </div>
  );
}
