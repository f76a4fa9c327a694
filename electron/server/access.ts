// Who may talk to the browser-mode server: requests to a loopback Host, from our own Origin,
// carrying this launch's token. Everything else is refused before it reaches the engine.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export interface AccessPolicy {
  /** Host header values accepted (host:port). */
  hosts: ReadonlySet<string>;
  /** Origin header values accepted (scheme://host:port). */
  origins: ReadonlySet<string>;
  token: string;
  cookieName: string;
}

export type AccessVerdict =
  | { allowed: true; tokenFrom: 'cookie' | 'header' | 'query' }
  | { allowed: false; status: 401 | 403; reason: string };

export function accessPolicy(host: string, port: number, token: string): AccessPolicy {
  const names = new Set(['127.0.0.1', 'localhost', '[::1]', host.includes(':') ? `[${host}]` : host]);
  const hosts = new Set([...names].map((name) => `${name}:${port}`));
  const origins = new Set([...hosts].map((h) => `http://${h}`));
  return { hosts, origins, token, cookieName: `fieldnotes_${port}` };
}

export function checkAccess(req: IncomingMessage, url: URL, policy: AccessPolicy): AccessVerdict {
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
  const fromCookie = readCookie(req.headers.cookie, policy.cookieName);
  if (fromCookie !== undefined && sameToken(fromCookie, policy.token)) return { allowed: true, tokenFrom: 'cookie' };
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ') && sameToken(auth.slice(7), policy.token)) return { allowed: true, tokenFrom: 'header' };
  const fromQuery = url.searchParams.get('token');
  if (fromQuery !== null && sameToken(fromQuery, policy.token)) return { allowed: true, tokenFrom: 'query' };
  const given = fromCookie ?? auth ?? fromQuery;
  return { allowed: false, status: 401, reason: given === undefined || given === null ? 'Missing token' : 'Wrong token' };
}

export function tokenCookie(policy: AccessPolicy): string {
  return `${policy.cookieName}=${policy.token}; HttpOnly; SameSite=Strict; Path=/`;
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
