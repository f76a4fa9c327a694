// The browser mode: the engine over HTTP (calls) and a WebSocket (push events), on loopback,
// behind a per-launch token that never travels in a cookie. It also serves the built renderer,
// which holds no secret and so loads without the token.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { NO_ACCESS_PATH, SOCKET_PROTOCOL, TOKEN_PATTERN } from '../../shared/browser-access';
import { EVENT_NAMES, type EventName } from '../../shared/contract';
import type { ErrorCode } from '../../shared/contract/errors';
import type { Engine } from '../core/api';
import { dispatch, type DispatchOptions } from '../core/dispatch';
import { accessPolicy, bearerToken, checkCaller, checkToken, socketToken, type AccessPolicy, type AccessVerdict } from './access';
import { SECURITY_HEADERS, serveStatic } from './static-files';

const MAX_BODY_BYTES = 4 * 1024 * 1024;
const API_PREFIX = '/api/';
const EVENTS_PATH = '/events';

export interface ServerOptions {
  engine: Engine;
  /** Folder of the built renderer (index.html and assets). */
  rendererDir: string;
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Fixed token, for tests; a random one per launch otherwise. */
  token?: string;
  dispatchOptions?: DispatchOptions;
}

export interface RunningServer {
  /** The URL to open: it carries the token, which the tab that opens it keeps to itself. */
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

const STATUS_BY_CODE: Partial<Record<ErrorCode, number>> = {
  BAD_INPUT: 400,
  UNKNOWN_METHOD: 404,
  NOT_FOUND: 404,
  NOTE_NOT_FOUND: 404,
  PATH_OUTSIDE_NOTEBOOK: 400,
  CONFLICT: 409,
  NOTEBOOK_UNAVAILABLE: 409,
  UNAVAILABLE: 503,
  UNSUPPORTED: 501,
  INTERNAL: 500,
};

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? randomBytes(24).toString('base64url');
  if (!TOKEN_PATTERN.test(token)) {
    throw new Error('The access token must be at least 16 letters, digits, "-" or "_": it travels in an address and a WebSocket subprotocol.');
  }
  const rendererDir = resolve(options.rendererDir);
  const server = createServer();
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', fail);
      done();
    });
  });
  const port = (server.address() as AddressInfo).port;
  // The policy needs the port, so handlers are attached once the server listens.
  const policy: AccessPolicy = accessPolicy(host, port, token);
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const sockets = new WebSocketServer({
    noServer: true,
    maxPayload: 64 * 1024,
    // The token entry of the offered subprotocols is never echoed back.
    handleProtocols: (offered) => (offered.has(SOCKET_PROTOCOL) ? SOCKET_PROTOCOL : false),
  });

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, errorBody('INTERNAL', String(error)));
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = requestUrl(req);
    if (!url) return refuse(res, 400, 'The request address cannot be read', req.url ?? '/', origin);
    const caller = checkCaller(req, policy);
    if (!caller.allowed) return refuse(res, caller.status, caller.reason, url.pathname, origin);

    if (url.pathname.startsWith(API_PREFIX)) {
      const token = checkToken(bearerToken(req), policy);
      if (!token.allowed) return refuse(res, token.status, token.reason, url.pathname, origin);
      if (req.method !== 'POST') return sendJson(res, 405, errorBody('BAD_INPUT', 'Use POST for API calls.'));
      if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) {
        return sendJson(res, 415, errorBody('BAD_INPUT', 'API calls must send Content-Type: application/json.'));
      }
      const method = decodePath(url.pathname.slice(API_PREFIX.length));
      if (method === null) return sendJson(res, 400, errorBody('BAD_INPUT', 'The API method in the address is not valid percent-encoding.'));
      const body = await readBody(req);
      if (body === null) return sendJson(res, 413, errorBody('BAD_INPUT', 'The request body is too large.'));
      let input: unknown;
      try {
        input = body.length === 0 ? {} : JSON.parse(body);
      } catch {
        return sendJson(res, 400, errorBody('BAD_INPUT', 'The request body is not valid JSON.'));
      }
      const result = await dispatch(options.engine.handlers, method, input, options.dispatchOptions);
      return sendJson(res, result.ok ? 200 : (STATUS_BY_CODE[result.error.code] ?? 500), result);
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, errorBody('BAD_INPUT', 'Method not allowed.'));
    // The page and its assets are the same for everyone and hold no secret, so they load without
    // the token: the tab brings it from the printed address and keeps it itself.
    if (url.pathname === NO_ACCESS_PATH) return refuse(res, 401, 'This tab has no valid access token', url.pathname, origin);
    const fromAddress = url.searchParams.get('token');
    if (fromAddress !== null) {
      const token = checkToken(fromAddress, policy);
      if (!token.allowed) return refuse(res, token.status, token.reason, url.pathname, origin);
    }
    await serveStatic(rendererDir, url.pathname, res);
  }

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const verdict = socketAccess(req, policy);
    if (!verdict.allowed) {
      socket.end(`HTTP/1.1 ${verdict.status} ${STATUS_TEXT[verdict.status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => sockets.emit('connection', ws, req));
  });

  sockets.on('connection', (ws: WebSocket) => {
    // The socket only carries events out; anything a client sends is ignored.
    ws.on('message', () => undefined);
    ws.on('error', () => ws.terminate());
  });

  const unsubscribe = EVENT_NAMES.map((event: EventName) =>
    options.engine.events.on(event, (payload) => {
      const frame = JSON.stringify({ event, payload });
      for (const client of sockets.clients) {
        if (client.readyState === client.OPEN) client.send(frame);
      }
    }),
  );

  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    async close() {
      for (const off of unsubscribe) off();
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}

function errorBody(code: ErrorCode, message: string) {
  return { ok: false, error: { code, message } };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

const STATUS_TEXT = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden' } as const;

/** The event socket: our path, a fitting caller, and the token among the offered subprotocols. */
function socketAccess(req: IncomingMessage, policy: AccessPolicy): AccessVerdict {
  const url = requestUrl(req);
  if (!url) return { allowed: false, status: 400, reason: 'The request address cannot be read' };
  if (url.pathname !== EVENTS_PATH) return { allowed: false, status: 403, reason: 'No such socket' };
  const caller = checkCaller(req, policy);
  return caller.allowed ? checkToken(socketToken(req), policy) : caller;
}

/** The request's address, or null when it cannot be parsed. */
function requestUrl(req: IncomingMessage): URL | null {
  try {
    return new URL(req.url ?? '/', 'http://localhost');
  } catch {
    return null;
  }
}

function decodePath(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

/** A refusal: JSON in the contract's error shape for the API, a page that says what to do otherwise. */
function refuse(res: ServerResponse, status: 400 | 401 | 403, reason: string, pathname: string, origin: string): void {
  if (pathname.startsWith(API_PREFIX)) return sendJson(res, status, errorBody('BAD_INPUT', `${STATUS_TEXT[status]}: ${reason}.`));
  const hint: Record<typeof status, string> = {
    400: 'This server only answers well-formed requests.',
    401:
      `Open the address that <code>fieldnotes serve</code> printed when it started (it looks like ` +
      `<code>${escapeHtml(origin)}/?token=…</code>): it carries the access token. This tab keeps the token ` +
      `to itself, so a new tab, or a new launch of <code>fieldnotes serve</code>, needs that address again.`,
    403: 'This server only answers its own pages on this machine.',
  };
  const html =
    `<!doctype html><html lang="en"><meta charset="utf-8"><title>Fieldnotes: ${STATUS_TEXT[status]}</title>` +
    `<h1>${status === 401 ? 'This tab has no access to Fieldnotes' : STATUS_TEXT[status]}</h1>` +
    `<p>${escapeHtml(reason)}.</p><p>${hint[status]}</p></html>`;
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(html);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => done(tooLarge ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}
