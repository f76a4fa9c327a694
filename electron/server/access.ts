// Who may talk to the browser-mode server: requests to a loopback Host, from our own Origin, and,
// for the API and the event socket, carrying this launch's token. Everything else is refused
// before it reaches the engine. The token never travels in a cookie (see shared/browser-access.ts).
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { SOCKET_TOKEN_PREFIX } from '../../shared/browser-access';

export interface AccessPolicy {
  /** Host header values accepted (host:port). */
  hosts: ReadonlySet<string>;
  /** Origin header values accepted (scheme://host:port). */
  origins: ReadonlySet<string>;
  token: string;
}

export type AccessVerdict = { allowed: true } | { allowed: false; status: 400 | 401 | 403; reason: string };

const ALLOWED: AccessVerdict = { allowed: true };

/** Headers a request must not repeat: a second Host or Origin could be read differently by a proxy or a parser. */
const SINGLE_HEADERS = ['host', 'origin', 'authorization'];

export function accessPolicy(host: string, port: number, token: string): AccessPolicy {
  const names = new Set(['127.0.0.1', 'localhost', '[::1]', host.includes(':') ? `[${host}]` : host]);
  const hosts = new Set([...names].map((name) => `${name}:${port}`));
  const origins = new Set([...hosts].map((h) => `http://${h}`));
  return { hosts, origins, token };
}

/** Host, Origin and fetch metadata: checked on every request, pages included. */
export function checkCaller(req: IncomingMessage, policy: AccessPolicy): AccessVerdict {
  const repeated = repeatedHeader(req.rawHeaders);
  if (repeated) return { allowed: false, status: 400, reason: `The ${repeated} header is given more than once` };
  const host = req.headers.host;
  if (!host || !policy.hosts.has(host.toLowerCase())) {
    return { allowed: false, status: 403, reason: `Host ${JSON.stringify(host ?? '')} is not allowed` };
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !policy.origins.has(origin.toLowerCase())) {
    return { allowed: false, status: 403, reason: `Origin ${JSON.stringify(origin)} is not allowed` };
  }
  if (req.headers['sec-fetch-site'] === 'cross-site') {
    return { allowed: false, status: 403, reason: 'Cross-site requests are not allowed' };
  }
  return ALLOWED;
}

/** The token a caller gave (undefined when none) against this launch's. */
export function checkToken(given: string | undefined, policy: AccessPolicy): AccessVerdict {
  if (given === undefined) return { allowed: false, status: 401, reason: 'Missing token' };
  return sameToken(given, policy.token) ? ALLOWED : { allowed: false, status: 401, reason: 'Wrong token' };
}

/** The token of an API call: `Authorization: Bearer <token>`. */
export function bearerToken(req: IncomingMessage): string | undefined {
  const auth = req.headers.authorization;
  return auth?.startsWith('Bearer ') ? auth.slice('Bearer '.length) : undefined;
}

/** The token of a WebSocket handshake: the `token.<token>` entry of Sec-WebSocket-Protocol. */
export function socketToken(req: IncomingMessage): string | undefined {
  const offered = (req.headers['sec-websocket-protocol'] ?? '').split(',').map((each) => each.trim());
  return offered.find((each) => each.startsWith(SOCKET_TOKEN_PREFIX))?.slice(SOCKET_TOKEN_PREFIX.length);
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Node keeps the first Host and joins repeated Origins; the raw list shows every copy. */
function repeatedHeader(rawHeaders: readonly string[]): string | undefined {
  const seen = new Set<string>();
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!.toLowerCase();
    if (!SINGLE_HEADERS.includes(name)) continue;
    if (seen.has(name)) return rawHeaders[i];
    seen.add(name);
  }
  return undefined;
}
