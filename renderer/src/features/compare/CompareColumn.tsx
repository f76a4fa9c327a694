// One answer of the Compare view: who gave it, the answer (rendered and sanitized like the note
// view, its citations checked and linked to the user's editor), and under it what it cost, how its
// citations check out, and which files its agent read (marked when no other agent read them).
import { ExternalLink, FileCheck2, FileWarning } from 'lucide-react';
import { useRef } from 'react';
import type { Note } from '../../../../shared/model/note';
import { StatusBadge } from '../../components/StatusBadge';
import { formatCost, formatDuration, formatTokens } from '../../lib/format';
import { openNote } from '../app/use-route';
import { CitationHover } from '../notes/CitationHover';
import { useCitations } from '../notes/use-citations';
import { useMarkdownBody } from '../notes/use-markdown-body';
import { useNoteActions } from '../notes/use-note-actions';
import type { FileRead } from './compare-facts';
import '../notes/Citations.css';

interface CompareColumnProps {
  note: Note;
  /** The agent's name for people. */
  label: string;
  files: FileRead[];
  focused: boolean;
  onFocus: () => void;
}

export function CompareColumn({ note, label, files, focused, onFocus }: CompareColumnProps) {
  const bodyRef = useRef<HTMLDivElement>(null);
  const body = useMarkdownBody(bodyRef, note.body);
  const actions = useNoteActions(openNote);
  const fm = note.frontmatter;
  const usage = fm?.usage;
  const tokens = (usage?.input_tokens ?? 0) + (usage?.output_tokens ?? 0);

  const onClick = actions.fileLinkClick(note);

  return (
    <section
      className={`compare-column${focused ? ' is-focused' : ''}`}
      aria-label={`${label}’s answer`}
      aria-current={focused ? 'true' : undefined}
      data-compare-column
      onMouseDown={onFocus}
      onFocus={onFocus}
    >
      <header className="compare-column-head">
        <div className="compare-agent">
          <StatusBadge status={note.summary.status} compact />
          <strong>{label}</strong>
          {fm?.agent?.model && <span className="faint">{fm.agent.model}</span>}
        </div>
        <div className="compare-title">
          <span title={note.summary.title}>{note.summary.title}</span>
          <button type="button" className="link-button" onClick={() => openNote(note.summary.id)} title="Open this note">
            <ExternalLink aria-hidden /> Open
          </button>
        </div>
      </header>
      {/* useMarkdownBody fills it with nodes sanitized by DOMPurify (renderMarkdownPiece). */}
      <div className="compare-answer markdown" ref={bodyRef} onClick={onClick} tabIndex={0} aria-label="Answer" role="region" aria-busy={!body.complete} />
      <CitationHover id={note.summary.id} bodyRef={bodyRef} version={body.version} />
      <dl className="compare-usage" aria-label="Duration, tokens and cost">
        <div>
          <dt>Took</dt>
          <dd>{fm?.duration_ms !== undefined ? formatDuration(fm.duration_ms) : '—'}</dd>
        </div>
        <div>
          <dt>Tokens</dt>
          <dd title={usage ? `${usage.input_tokens ?? 0} in, ${usage.output_tokens ?? 0} out` : undefined}>{tokens > 0 ? formatTokens(tokens) : '—'}</dd>
        </div>
        <div>
          <dt>Cost</dt>
          <dd>{usage?.cost_usd !== undefined ? formatCost(usage.cost_usd) : '—'}</dd>
        </div>
      </dl>
      <ColumnCitations id={note.summary.id} />
      <div className="compare-files" role="group" aria-label="Files read">
        <h3 className="eyebrow">Files read · {files.length}</h3>
        {files.length === 0 ? (
          <p className="faint">None recorded.</p>
        ) : (
          <ul>
            {files.map((file) => (
              <li key={file.path} className={file.onlyHere ? 'is-only-here' : undefined}>
                <code title={file.path}>{file.path}</code>
                {file.onlyHere && <span className="compare-only">only {label}</span>}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

/** "3 citations · 2 check out", and the ones that do not, with why. */
function ColumnCitations({ id }: { id: string }) {
  const { data, isPending } = useCitations(id);
  const broken = data?.citations.filter((citation) => !citation.ok) ?? [];
  return (
    <div className={`compare-citations${broken.length > 0 ? ' has-broken' : ''}`} role="group" aria-label="Citations">
      <h3 className="eyebrow">Citations</h3>
      {isPending ? (
        <p className="faint">Checking…</p>
      ) : !data || data.against === 'none' ? (
        <p className="faint">Not checked{data?.why ? `: ${data.why}` : ''}</p>
      ) : data.total === 0 ? (
        <p className="faint">None in this answer</p>
      ) : (
        <>
          <p className="compare-citations-count">
            {broken.length > 0 ? <FileWarning aria-hidden /> : <FileCheck2 aria-hidden />}
            {data.total} {data.total === 1 ? 'citation' : 'citations'} · {data.ok} check out
          </p>
          {broken.length > 0 && (
            <ul>
              {broken.map((citation) => (
                <li key={citation.text}>
                  <code>{citation.text}</code>: {citation.why}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
