// A note's tags, editable in place: × removes one, typing and Enter (or a comma) adds one.
import { Hash, X } from 'lucide-react';
import { useState, type KeyboardEvent } from 'react';

interface TagEditorProps {
  tags: string[];
  onChange: (tags: string[]) => void;
  disabled?: boolean;
}

export function TagEditor({ tags, onChange, disabled }: TagEditorProps) {
  const [draft, setDraft] = useState('');

  const add = (): void => {
    const words = draft
      .split(',')
      .map((word) => word.trim().replace(/^#+/, '').replace(/\s+/g, '-'))
      .filter(Boolean);
    setDraft('');
    const next = [...new Set([...tags, ...words])];
    if (next.length !== tags.length) onChange(next);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      add();
    } else if (event.key === 'Backspace' && draft === '' && tags.length > 0) {
      onChange(tags.slice(0, -1));
    }
  };

  return (
    <div className="tag-editor" aria-label="Tags">
      <Hash className="tag-editor-icon" aria-hidden />
      {tags.map((tag) => (
        <span key={tag} className="tag is-editable">
          {tag}
          {!disabled && (
            <button type="button" aria-label={`Remove tag ${tag}`} onClick={() => onChange(tags.filter((other) => other !== tag))}>
              <X />
            </button>
          )}
        </span>
      ))}
      {!disabled && (
        <input
          className="tag-editor-input"
          value={draft}
          placeholder={tags.length === 0 ? 'Add a tag' : 'Add'}
          aria-label="Add a tag"
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
          onBlur={() => draft.trim() && add()}
        />
      )}
    </div>
  );
}
