// Above a note's body: how many citations it has and how many check out, the ones that do not and
// why, and what changed in its code since its commit.
import { FileCheck2, FileWarning } from 'lucide-react';
import { shortCommit } from '../../lib/format';
import { useCitations } from './use-citations';
import './Citations.css';

export function CitationsBar({ id }: { id: string }) {
  const { data } = useCitations(id);
  if (!data || data.against === 'none' || (data.total === 0 && data.changed.length === 0)) return null;
  const broken = data.citations.filter((citation) => !citation.ok);
  const where = data.against === 'head' ? `checked at HEAD (${shortCommit(data.commit ?? '')}): the note records no commit` : `at ${shortCommit(data.commit ?? '')}`;
  return (
    <section className={`citations-bar${broken.length > 0 ? ' has-broken' : ''}`} aria-label="Citations">
      <div className="citations-count">
        {broken.length > 0 ? <FileWarning aria-hidden /> : <FileCheck2 aria-hidden />}
        <span>
          {data.total} {data.total === 1 ? 'citation' : 'citations'} · {data.ok} check out
        </span>
        <span className="citations-where">{where}</span>
      </div>
      {broken.length > 0 && (
        <ul className="citations-broken">
          {broken.map((citation) => (
            <li key={citation.text}>
              <code>{citation.text}</code>: {citation.why}
            </li>
          ))}
        </ul>
      )}
      {data.changed.length > 0 && (
        <ul className="citations-changed" aria-label="Changed since the note’s commit">
          {data.changed.map((change) => (
            <li key={change.path}>{change.summary}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
