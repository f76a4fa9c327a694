// Keeps secrets out of transcripts: the values of secret-looking environment variables are
// replaced wherever they show up in events and diagnostics.
import type { AgentEvent } from '../../../shared/model/agent-event';
import type { Env } from './agent-adapter';

/** Names that hold secrets: *_KEY, *_TOKEN, *_SECRET, *_PASSWORD, *APIKEY, *_CREDENTIALS, ... */
const SECRET_NAME = /(^|_)(KEY|TOKEN|SECRET|PASSWORD|PASSWD|PASSPHRASE|CREDENTIALS?)$|API_?KEY$/i;
/** Shorter values are too likely to be ordinary words or numbers to replace safely. */
const MIN_SECRET_LENGTH = 8;

export interface Redactor {
  text(value: string): string;
  event(event: AgentEvent): AgentEvent;
}

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

export function createRedactor(env: Env): Redactor {
  const secrets = Object.entries(env)
    .filter((entry): entry is [string, string] => isSecretName(entry[0]) && (entry[1]?.length ?? 0) >= MIN_SECRET_LENGTH)
    .sort((a, b) => b[1].length - a[1].length); // longest first, so a secret containing another is replaced whole

  function text(value: string): string {
    let out = value;
    for (const [name, secret] of secrets) {
      if (out.includes(secret)) out = out.split(secret).join(`[REDACTED:${name}]`);
    }
    return out;
  }

  function deep(value: unknown): unknown {
    if (typeof value === 'string') return text(value);
    if (Array.isArray(value)) return value.map(deep);
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, deep(inner)]));
    }
    return value;
  }

  return {
    text: secrets.length === 0 ? (value) => value : text,
    event: secrets.length === 0 ? (event) => event : (event) => deep(event) as AgentEvent,
  };
}
