// The browser-mode server: loopback only, a per-launch token, our own Host and Origin only.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createApi, type Engine } from '../../electron/core/api';
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
  it('is required on every request: without it the server answers 401', async () => {
    expect((await rawRequest(server.port, '/')).status).toBe(401);
    expect((await rawRequest(server.port, '/assets/app-12345678.js')).status).toBe(401);
    const api = await rawRequest(server.port, '/api/notes.list', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(api.status).toBe(401);
  });

  it('must be the right one', async () => {
    expect((await rawRequest(server.port, '/?token=guess')).status).toBe(401);
    const { status } = await apiCall(server.port, 'not-the-token', 'notes.list');
    expect(status).toBe(401);
  });

  it('in the printed URL becomes an HttpOnly cookie, and leaves the address bar', async () => {
    expect(server.url).toBe(`${server.origin}/?token=${server.token}`);
    const first = await rawRequest(server.port, `/?token=${server.token}`);
    expect(first.status).toBe(302);
    expect(first.headers.location).toBe('/');
    const cookie = String(first.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await rawRequest(server.port, '/', { headers: { Cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<div id="root">');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
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
    const headers = { Authorization: `Bearer ${server.token}` };
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/%00']) {
      const response = await rawRequest(server.port, path, { headers });
      expect(response.body).not.toContain('outside the renderer');
    }
  });

  it('serve app routes with the app page', async () => {
    const response = await rawRequest(server.port, '/notes/whatever', { headers: { Authorization: `Bearer ${server.token}` } });
    expect(response.status).toBe(200);
    expect(response.body).toContain('<div id="root">');
  });
});

describe('the event socket', () => {
  const connect = (headers: Record<string, string>) =>
    new Promise<{ ws?: WebSocket; status?: number }>((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${server.port}/events`, { headers });
      ws.once('open', () => resolve({ ws }));
      ws.once('unexpected-response', (_req, res) => resolve({ status: res.statusCode }));
      ws.once('error', () => resolve({ status: -1 }));
    });

  it('needs the token (401) and our Origin (403)', async () => {
    expect((await connect({})).status).toBe(401);
    expect((await connect({ Authorization: `Bearer ${server.token}`, Origin: 'https://evil.example' })).status).toBe(403);
  });

  it('pushes engine events to signed-in clients', async () => {
    const { ws } = await connect({ Authorization: `Bearer ${server.token}`, Origin: server.origin });
    expect(ws).toBeDefined();
    const received = new Promise<unknown>((resolve) => ws!.once('message', (data) => resolve(JSON.parse(String(data)))));
    engine.events.emit('notes.changed', { source: 'disk', changes: [{ kind: 'added', path: 'ky/new.md' }] });
    expect(await received).toEqual({ event: 'notes.changed', payload: { source: 'disk', changes: [{ kind: 'added', path: 'ky/new.md' }] } });
    ws!.close();
  });
});
