// The contract and the dispatch gate every transport goes through.
import { describe, expect, it, vi } from 'vitest';
import { EVENT_NAMES, METHOD_NAMES, events, methods, type ApiHandlers } from '../../shared/contract';
import { ApiError } from '../../shared/contract/errors';
import { dispatch } from '../../electron/core/dispatch';

function handlers(overrides: Partial<ApiHandlers> = {}): ApiHandlers {
  const unused = async () => {
    throw new Error('not called');
  };
  return {
    'app.info': async () => ({ name: 'Fieldnotes', version: '0.0.0', transport: 'http', platform: 'linux', notebook: null }),
    'notebook.open': unused,
    'notes.list': async () => ({ notes: [] }),
    'notes.get': unused,
    ...overrides,
  } as ApiHandlers;
}

describe('the contract', () => {
  it('declares a schema for every method and event name, and no others', () => {
    expect(Object.keys(methods).sort()).toEqual([...METHOD_NAMES].sort());
    expect(Object.keys(events).sort()).toEqual([...EVENT_NAMES].sort());
  });

  it('describes every method in a sentence', () => {
    for (const spec of Object.values(methods)) expect(spec.description).toMatch(/^[A-Z].*\.$/);
  });
});

describe('dispatch', () => {
  it('calls the handler with the parsed input, defaults applied', async () => {
    const list = vi.fn(async () => ({ notes: [] }));
    const result = await dispatch(handlers({ 'notes.list': list }), 'notes.list', undefined);
    expect(result).toEqual({ ok: true, value: { notes: [] } });
    expect(list).toHaveBeenCalledWith({});
  });

  it('refuses a method the contract does not have', async () => {
    const result = await dispatch(handlers(), 'notes.deleteEverything', {});
    expect(result).toEqual({ ok: false, error: { code: 'UNKNOWN_METHOD', message: 'There is no method "notes.deleteEverything".' } });
  });

  it('refuses input that does not match the schema, saying which field is wrong', async () => {
    const get = vi.fn();
    const result = await dispatch(handlers({ 'notes.get': get }), 'notes.get', { id: 42 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('BAD_INPUT');
    expect(result.error.message).toContain('id');
    expect(get).not.toHaveBeenCalled();
  });

  it("passes an engine error's code and message through", async () => {
    const result = await dispatch(
      handlers({ 'notes.get': async () => Promise.reject(new ApiError('NOTE_NOT_FOUND', 'No note with id X.')) }),
      'notes.get',
      { id: 'X' },
    );
    expect(result).toEqual({ ok: false, error: { code: 'NOTE_NOT_FOUND', message: 'No note with id X.' } });
  });

  it('turns an unexpected failure into INTERNAL and logs the cause', async () => {
    const logError = vi.fn();
    const boom = new TypeError('cannot read x of undefined');
    const result = await dispatch(handlers({ 'notes.list': async () => Promise.reject(boom) }), 'notes.list', {}, { logError });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('INTERNAL');
    expect(logError).toHaveBeenCalledWith('notes.list', boom);
  });

  it('catches output that breaks the contract when asked to', async () => {
    const bad = handlers({ 'notes.list': async () => ({ notes: 'nope' }) as never });
    const result = await dispatch(bad, 'notes.list', {}, { validateOutput: true });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('INTERNAL');
  });
});
