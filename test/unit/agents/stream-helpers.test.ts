// The pieces the parsers and the runner share: JSON Lines reading, tool paths, secret redaction.
import { describe, expect, it } from 'vitest';
import { createJsonLinesParser } from '../../../electron/core/agents/json-lines';
import { createRedactor, isSecretName } from '../../../electron/core/agents/secret-redactor';
import { relativeTo, shellCommandPaths, unwrapShell } from '../../../electron/core/agents/tool-paths';

describe('JSON Lines reading', () => {
  const echo = () => createJsonLinesParser((record) => [{ type: 'text', text: String(record.v) }], { maxLineLength: 64 });

  it('joins lines split across chunks and keeps a trailing partial line for later', () => {
    const parser = echo();
    expect(parser.push('{"v":"a"}\n{"v":')).toEqual([{ type: 'text', text: 'a' }]);
    expect(parser.push('"b"}\n{"v":"c"}')).toEqual([{ type: 'text', text: 'b' }]);
    expect(parser.end()).toEqual([{ type: 'text', text: 'c' }]);
  });

  it('turns a line that is not JSON into a diagnostic and goes on', () => {
    const parser = echo();
    expect(parser.push('Warning: something odd\n[1,2]\n{"v":"ok"}\n')).toEqual([
      { type: 'diagnostic', message: 'stdout: Warning: something odd' },
      { type: 'diagnostic', message: 'stdout: [1,2]' },
      { type: 'text', text: 'ok' },
    ]);
  });

  it('skips a line longer than the limit, even across chunks, and reads the next one', () => {
    const parser = echo();
    expect(parser.push(`{"v":"${'x'.repeat(50)}`)).toEqual([]);
    expect(parser.push('x'.repeat(50))).toEqual([]);
    expect(parser.push('"}\n{"v":"next"}\n')).toEqual([
      { type: 'diagnostic', message: 'skipped a stdout line of 108 characters (limit 64)' },
      { type: 'text', text: 'next' },
    ]);
  });

  it('survives a translator that throws', () => {
    const parser = createJsonLinesParser(() => {
      throw new Error('bad shape');
    });
    expect(parser.push('{"a":1}\n')).toEqual([{ type: 'diagnostic', message: 'could not read a stream line: Error: bad shape' }]);
  });
});

describe('tool paths', () => {
  it('makes paths inside the working directory relative and leaves others absolute', () => {
    expect(relativeTo('/repo', '/repo/src/a.ts')).toBe('src/a.ts');
    expect(relativeTo('/repo', '/etc/hosts')).toBe('/etc/hosts');
    expect(relativeTo('/repo', './src/../b.ts')).toBe('b.ts');
  });

  it('finds the files of the usual reading commands', () => {
    expect(shellCommandPaths("/bin/bash -lc 'cat src/a.ts'", '/repo')).toEqual(['src/a.ts']);
    expect(shellCommandPaths("bash -lc \"sed -n '1,200p' src/router.ts\"", '/repo')).toEqual(['src/router.ts']);
    expect(shellCommandPaths('rg -n "fetch(" src lib --glob "*.ts"', '/repo')).toEqual(['src', 'lib']);
    expect(shellCommandPaths('grep -e foo -e bar README.md', '/repo')).toEqual(['README.md']);
    expect(shellCommandPaths('head -n 20 a.txt | wc -l && tail -5 /repo/b.txt 2>&1', '/repo')).toEqual(['a.txt', 'b.txt']);
    expect(shellCommandPaths('nl -ba src/x.ts > /dev/null; ls docs', '/repo')).toEqual(['src/x.ts', 'docs']);
    expect(shellCommandPaths('find src -name "*.ts"', '/repo')).toEqual(['src']);
    expect(shellCommandPaths('git log --oneline', '/repo')).toEqual([]);
    expect(shellCommandPaths('node poc.mjs && node -e "console.log(1)" x', '/repo')).toEqual(['poc.mjs']);
  });

  it('unwraps shell wrappers for the summary', () => {
    expect(unwrapShell("/bin/bash -lc 'cat src/a.ts'")).toBe('cat src/a.ts');
    expect(unwrapShell('ls -la')).toBe('ls -la');
  });
});

describe('secret redaction', () => {
  it('knows secret-looking names', () => {
    for (const name of ['ANTHROPIC_API_KEY', 'OPENAI_API_KEY', 'GITHUB_TOKEN', 'AWS_SECRET_ACCESS_KEY', 'DB_PASSWORD', 'MY_SECRET', 'OPENAIAPIKEY']) {
      expect(isSecretName(name), name).toBe(true);
    }
    for (const name of ['PATH', 'HOME', 'KEYBOARD_LAYOUT', 'TOKENIZERS_PARALLELISM']) expect(isSecretName(name), name).toBe(false);
  });

  it('replaces secret values anywhere in an event, and leaves short values alone', () => {
    const redact = createRedactor({ ANTHROPIC_API_KEY: 'sk-ant-abcdef123456', GITHUB_TOKEN: 'ghp_0123456789', PIN_PASSWORD: '1234', PATH: '/usr/bin' });
    expect(redact.event({ type: 'tool_call', name: 'Bash', summary: 'curl -H "x-api-key: sk-ant-abcdef123456"', paths: ['ghp_0123456789.txt'] })).toEqual({
      type: 'tool_call', name: 'Bash', summary: 'curl -H "x-api-key: [REDACTED:ANTHROPIC_API_KEY]"', paths: ['[REDACTED:GITHUB_TOKEN].txt'],
    });
    expect(redact.text('pin 1234 in /usr/bin')).toBe('pin 1234 in /usr/bin');
  });
});
