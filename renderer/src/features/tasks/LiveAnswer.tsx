// The answer as it streams in: plain text (never HTML), the last part of it only, rendered at a
// lower priority than typing and clicking (useDeferredValue), and kept scrolled to the end unless
// the reader scrolled up to read.
import { useDeferredValue, useLayoutEffect, useRef } from 'react';
import { TAIL_CHARS } from './live-output';

interface LiveAnswerProps {
  text: string;
  /** Earlier text was let go: only the end is shown. */
  cut: boolean;
  running: boolean;
}

const NEAR_END_PX = 48;

export function LiveAnswer({ text, cut, running }: LiveAnswerProps) {
  const shown = useDeferredValue(text);
  const box = useRef<HTMLPreElement>(null);
  const atEnd = useRef(true);

  useLayoutEffect(() => {
    const element = box.current;
    if (element && atEnd.current) element.scrollTop = element.scrollHeight;
  }, [shown]);

  if (!shown) {
    return <p className="task-empty-line">{running ? 'No answer text yet. The agent is reading or thinking.' : 'The agent wrote no answer text.'}</p>;
  }
  return (
    <div className="live-answer">
      {cut && <div className="live-answer-cut">Showing the last {Math.round(TAIL_CHARS / 1024)} KB; the note keeps all of it.</div>}
      <pre
        ref={box}
        className="live-answer-text"
        tabIndex={0}
        onScroll={(event) => {
          const element = event.currentTarget;
          atEnd.current = element.scrollHeight - element.scrollTop - element.clientHeight < NEAR_END_PX;
        }}
      >
        {shown}
      </pre>
    </div>
  );
}
