// The browser-mode server: loopback only, a per-launch token (never a cookie), our own Host and Origin only.
import { mkdir, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createApi, type Engine } from '../../electron/core/api';
import { SOCKET_PROTOCOL, SOCKET_TOKEN_PREFIX } from '../../shared/browser-access';
import { startServer, type RunningServer } from '../../electron/server/server';
import { apiCall, rawRequest } from '../support/http';
import { fixtureNotebook } from '../support/paths';
import { copyNotebook, removeDir, tempDir } from '../support/temp';

let engine: Engine;
let server: RunningServer;
let notebook: string;
let rendererDir: string;
let base: string;

beforeAll(async () => {
  notebook = await copyNotebook(fixtureNotebook('basic'));
  base = await tempDir('fieldnotes-renderer-');
  rendererDir = join(base, 'renderer');
  await mkdir(rendererDir);
  await writeFile(join(base, 'secret.txt'), 'outside the renderer');
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><div id="root"></div>');
  await mkdir(join(rendererDir, 'assets'));
  await writeFile(join(rendererDir, 'assets', 'app-12345678.js'), 'console.log(1)');
  engine = await createApi({ app: { name: 'Fieldnotes', version: 'test' }, transport: 'http', notebook, defaultNotebook: notebook });
  server = await startServer({ engine, rendererDir, dispatchOptions: { validateOutput: true } });
});

afterAll(async () => {
  await server.close();
  await engine.close();
  await removeDir(notebook);
  await removeDir(base);
});

describe('the token', () => {
  const json = { 'Content-Type': 'application/json' };

  it('is required on every API call: without it, or with a wrong one, the server answers 401', async () => {
    const api = await rawRequest(server.port, '/api/notes.list', { method: 'POST', headers: json, body: '{}' });
    expect(api.status).toBe(401);
    expect(JSON.parse(api.body)).toEqual({ ok: false, error: { code: 'BAD_INPUT', message: 'Unauthorized: Missing token.' } });
    expect((await apiCall(server.port, 'not-the-token', 'notes.list')).status).toBe(401);
  });

  it('is taken only from the Authorization header: not from the address, and never from a cookie', async () => {
    const inAddress = await rawRequest(server.port, `/api/notes.list?token=${server.token}`, { method: 'POST', headers: json, body: '{}' });
    expect(inAddress.status).toBe(401);
    const cookie = `fieldnotes_${server.port}=${server.token}`;
    const inCookie = await rawRequest(server.port, '/api/notes.list', { method: 'POST', headers: { ...json, Cookie: cookie }, body: '{}' });
    expect(inCookie.status).toBe(401);
  });

  it('is never set as a cookie: the printed URL loads the page, which keeps the token itself', async () => {
    expect(server.url).toBe(`${server.origin}/?token=${server.token}`);
    const first = await rawRequest(server.port, `/?token=${server.token}`);
    expect(first.status).toBe(200);
    expect(first.headers['set-cookie']).toBeUndefined();
    expect(first.body).toContain('<div id="root">');
    expect(first.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('is not needed for the page and its assets, which are the same for everyone', async () => {
    for (const path of ['/', '/assets/app-12345678.js', '/notes/whatever']) {
      const response = await rawRequest(server.port, path);
      expect(response.status).toBe(200);
      expect(response.headers['set-cookie']).toBeUndefined();
    }
  });

  it('when wrong in the address, or missing (/no-access), gets a page that says how to get in', async () => {
    for (const path of ['/?token=guess', '/no-access']) {
      const page = await rawRequest(server.port, path);
      expect(page.status).toBe(401);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.body).toContain('Open the address that <code>fieldnotes serve</code> printed');
      expect(page.body).not.toContain(server.token);
    }
  });
});

describe('malformed requests get 400', () => {
  /** Sends bytes exactly as written (two Host headers, an address no URL parser accepts). */
  const exchange = (request: string) =>
    new Promise<string>((resolve, reject) => {
      const socket = connect(server.port, '127.0.0.1', () => socket.write(request));
      let answer = '';
      socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
      socket.on('end', () => resolve(answer));
      socket.on('error', reject);
    });
  const apiRequest = (hosts: string[]) =>
    `POST /api/app.info HTTP/1.1\r\n${hosts.map((h) => `Host: ${h}\r\n`).join('')}Authorization: Bearer ${server.token}\r\n` +
    'Content-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}';

  it('a malformed percent-encoding in an API path answers 400 in the error shape', async () => {
    for (const method of ['notes.%E0%A4%A', 'notes%', '%ZZ']) {
      const response = await rawRequest(server.port, `/api/${method}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
        body: '{}',
      });
      expect(response.status).toBe(400);
      expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    }
  });

  it('a request with two Host headers answers 400, whichever comes first', async () => {
    const own = `127.0.0.1:${server.port}`;
    expect(await exchange(apiRequest([own]))).toMatch(/^HTTP\/1\.1 200 /);
    expect(await exchange(apiRequest([own, 'evil.example']))).toMatch(/^HTTP\/1\.1 400 /);
    expect(await exchange(apiRequest([own, own]))).toMatch(/^HTTP\/1\.1 400 /);
    expect(await exchange(apiRequest(['evil.example', own]))).toMatch(/^HTTP\/1\.1 400 /);
  });

  it('an address no URL parser accepts answers 400, for a page and for the socket, and the server stays up', async () => {
    const own = `Host: 127.0.0.1:${server.port}\r\nConnection: close\r\n`;
    const upgrade = `Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n`;
    expect(await exchange(`GET http://[ HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n${upgrade}\r\n`)).toMatch(/^HTTP\/1\.1 400 /);
    expect(await exchange(`GET http://[ HTTP/1.1\r\n${own}\r\n`)).toMatch(/^HTTP\/1\.1 400 /);
    expect((await apiCall(server.port, server.token, 'app.info')).status).toBe(200);
  });
});

describe('Host and Origin', () => {
  const auth = () => ({ Authorization: `Bearer ${server.token}` });

  it('a foreign Origin gets 403, even with the token', async () => {
    const { status } = await apiCall(server.port, server.token, 'notes.list', {}, { Origin: 'https://evil.example' });
    expect(status).toBe(403);
    expect((await rawRequest(server.port, '/', { headers: { ...auth(), Origin: 'http://127.0.0.1:1' } })).status).toBe(403);
  });

  it('a foreign Host (DNS rebinding) gets 403, even with the token', async () => {
    expect((await rawRequest(server.port, '/', { headers: { ...auth(), Host: `evil.example:${server.port}` } })).status).toBe(403);
  });

  it('a cross-site fetch gets 403', async () => {
    expect((await rawRequest(server.port, '/', { headers: { ...auth(), 'Sec-Fetch-Site': 'cross-site' } })).status).toBe(403);
  });

  it('our own Origin is welcome', async () => {
    const { status, json } = await apiCall(server.port, server.token, 'app.info', {}, { Origin: server.origin });
    expect(status).toBe(200);
    expect(json.value).toMatchObject({ transport: 'http', notebook: { path: notebook } });
  });
});

describe('the API over HTTP', () => {
  it('lists and gets notes', async () => {
    const list = await apiCall(server.port, server.token, 'notes.list');
    const notes = (list.json.value as { notes: Array<{ id: string; title: string }> }).notes;
    expect(notes.map((n) => n.title)).toContain('How does ky turn a call into a fetch request?');
    const one = await apiCall(server.port, server.token, 'notes.get', { id: '01JDZ8Q6X7M3N4P5R6S7T8V9W0' });
    expect(one.status).toBe(200);
    expect((one.json.value as { body: string }).body).toContain('## The path of a request');
  });

  it('answers errors in the contract shape with a fitting status', async () => {
    const missing = await apiCall(server.port, server.token, 'notes.get', { id: 'nope' });
    expect(missing.status).toBe(404);
    expect(missing.json.error).toEqual({ code: 'NOTE_NOT_FOUND', message: 'No note with id nope in this notebook.' });
    const bad = await apiCall(server.port, server.token, 'notes.get', { id: 7 });
    expect(bad.status).toBe(400);
    expect(bad.json.error?.code).toBe('BAD_INPUT');
    const unknown = await apiCall(server.port, server.token, 'notes.nuke');
    expect(unknown.status).toBe(404);
    expect(unknown.json.error?.code).toBe('UNKNOWN_METHOD');
  });

  it('refuses bodies that are not JSON', async () => {
    const response = await rawRequest(server.port, '/api/notes.list', {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'text/plain' },
      body: '{}',
    });
    expect(response.status).toBe(415);
  });
});

describe('static files', () => {
  it('never serve anything outside the renderer folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/%00', '/%E0%A4%A']) {
      const response = await rawRequest(server.port, path);
      expect(response.body).not.toContain('outside the renderer');
    }
  });

  it('serve app routes with the app page', async () => {
    const response = await rawRequest(server.port, '/notes/whatever');
    expect(response.status).toBe(200);
    expect(response.body).toContain('<div id="root">');
  });
});

describe('the event socket', () => {
  const connectSocket = (options: { protocols?: string[]; headers?: Record<string, string>; path?: string } = {}) =>
    new Promise<{ ws?: WebSocket; status?: number }>((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${server.port}${options.path ?? '/events'}`, options.protocols ?? [], { headers: options.headers });
      ws.once('open', () => resolve({ ws }));
      ws.once('unexpected-response', (_req, res) => resolve({ status: res.statusCode }));
      ws.once('error', () => resolve({ status: -1 }));
    });
  const signedIn = () => [SOCKET_PROTOCOL, `${SOCKET_TOKEN_PREFIX}${server.token}`];

  it('needs the token among its subprotocols (401) and our Origin (403)', async () => {
    expect((await connectSocket()).status).toBe(401);
    expect((await connectSocket({ protocols: [SOCKET_PROTOCOL, `${SOCKET_TOKEN_PREFIX}guess-guess-guess-guess`] })).status).toBe(401);
    expect((await connectSocket({ path: `/events?token=${server.token}` })).status).toBe(401);
    expect((await connectSocket({ headers: { Cookie: `fieldnotes_${server.port}=${server.token}` } })).status).toBe(401);
    expect((await connectSocket({ protocols: signedIn(), headers: { Origin: 'https://evil.example' } })).status).toBe(403);
  });

  it('pushes engine events to signed-in clients, answering only with the fieldnotes subprotocol', async () => {
    const { ws } = await connectSocket({ protocols: signedIn(), headers: { Origin: server.origin } });
    expect(ws).toBeDefined();
    expect(ws!.protocol).toBe(SOCKET_PROTOCOL);
    const received = new Promise<unknown>((resolve) => ws!.once('message', (data) => resolve(JSON.parse(String(data)))));
    engine.events.emit('notes.changed', { source: 'disk', changes: [{ kind: 'added', path: 'ky/new.md' }] });
    expect(await received).toEqual({ event: 'notes.changed', payload: { source: 'disk', changes: [{ kind: 'added', path: 'ky/new.md' }] } });
    ws!.close();
  });
});
