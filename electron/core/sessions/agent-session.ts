// The one shape every agent's session log is read into: who ran it where, its turns (the user's
// prompt, the assistant's answer, the tools it called with the files they read or changed), the
// model, tokens and cost, and what could not be read.

export type SessionAgent = 'claude-code' | 'codex' | 'gemini';

export interface SessionToolCall {
  id?: string;
  name: string;
  /** A one-line summary of the input (a path, a command). */
  summary?: string;
  /** Files it read, absolute or relative to the project folder, as the agent gave them. */
  reads: string[];
  /** Files it created or changed. */
  writes: string[];
  /** False when the tool reported an error; absent when no result was seen. */
  ok?: boolean;
}

export interface SessionTurn {
  prompt: string;
  /** When the prompt was sent (ISO), when known. */
  at?: string;
  /** The assistant's text in this turn, its parts joined. */
  answer: string;
  tools: SessionToolCall[];
}

export interface SessionUsage {
  input_tokens?: number;
  output_tokens?: number;
  cost_usd?: number;
}

export interface AgentSession {
  agent: SessionAgent;
  /** The CLI version that wrote it, when the file says. */
  version?: string;
  id: string;
  /** The session file, absolute. */
  file: string;
  /** Its size when read: a file that grew has new turns. */
  bytes: number;
  /** The folder the agent ran in. */
  project?: string;
  branch?: string;
  /** The commit the session says it started at (Codex records it). */
  commit?: string;
  started?: string;
  ended?: string;
  model?: string;
  turns: SessionTurn[];
  usage: SessionUsage;
  /** Lines or facts that could not be read, in words for the user; the rest of the session still counts. */
  problems: string[];
}

/** Reads one session file. Never throws for what is inside the file; throws only when it cannot be opened. */
export type SessionReader = (file: string, onProgress?: (bytesRead: number) => void) => Promise<AgentSession | null>;

/** Where an agent keeps its sessions, and how to read them: the facts of one agent's log format. */
export interface SessionSource {
  agent: SessionAgent;
  /** The folders holding its session files, from the same environment variables the agent reads. */
  roots(env: Record<string, string | undefined>): string[];
  /** Every session file under one root. */
  files(root: string): Promise<string[]>;
  read: SessionReader;
}

/** A short one-line form of a text, for titles and previews. */
export function firstLine(text: string, max = 120): string {
  const line = text.trim().split('\n').find((part) => part.trim() !== '')?.trim() ?? '';
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

/** A turn starting now, with nothing answered yet. */
export function newTurn(prompt: string, at?: string): SessionTurn {
  return { prompt, ...(at ? { at } : {}), answer: '', tools: [] };
}

/** Appends a piece of the answer, separating paragraphs. */
export function addAnswer(turn: SessionTurn, text: string): void {
  if (text.trim() === '') return;
  turn.answer = turn.answer === '' ? text : `${turn.answer}\n\n${text}`;
}
