// Which of an agent's words its note keeps. Every text block it wrote, in order and a blank line
// apart, preamble included ("Let me look at the router source." says what the agent did first);
// a CLI's own final answer (Claude Code and Codex report their last block) replaces that only when
// it is not already the end of what streamed, or when nothing streamed.
import { AnswerText } from './task-note';

/** The answer a note of a task that ended with `status` is written from. */
export function noteAnswer(streamed: AnswerText, resultText: string | undefined, done: boolean): AnswerText {
  // A failed run's result text is its error, not an answer.
  const result = done ? resultText?.trim() : undefined;
  if (!result) return streamed;
  const head = streamed.preview();
  // A stream longer than its preview cannot be checked here; it holds more than any result would.
  const whole = head.length >= streamed.length;
  if (head.trim() !== '' && (!whole || head.trimEnd().endsWith(result))) return streamed;
  return AnswerText.of(resultText!);
}
