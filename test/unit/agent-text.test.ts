// What agent text looks like once cleaned for notes, windows and terminals: escape sequences and
// control characters gone, newlines and tabs kept, whichever way the stream was cut into pieces.
import { describe, expect, it } from 'vitest';
import { AgentTextCleaner, cleanAgentEvents, cleanAgentText } from '../../electron/core/agents/agent-text';

const RAW = [
  'Colors: \x1b[1;31mred\x1b[0m and plain\n',
  'A link: \x1b]8;;https://example.com/?a=1&b=2\x1b\\example\x1b]8;;\x1b\\ here\n',
  'Title\x1b]0;pwned\x07 set, bell\x07, NUL\x00 bytes\x00\n',
  'C1 \u009b1mcsi\u009b0m, DCS \x1bP1$r0m\x1b\\ and APC \x1b_hidden\x9c end\n',
  'Charset \x1b(B, save \x1b7 and restore \x1b8 cursor\n',
  'Tab\tstays, backspace\b, DEL\x7f, CR\r\n',
  'Emoji 🙂 stays, a lone \ud800 surrogate does not\n',
].join('');
const CLEAN = [
  'Colors: red and plain\n',
  'A link: example here\n',
  'Title set, bell, NUL bytes\n',
  'C1 csi, DCS  and APC  end\n',
  'Charset , save  and restore  cursor\n',
  'Tab\tstays, backspace, DEL, CR\n',
  'Emoji 🙂 stays, a lone \uFFFD surrogate does not\n',
].join('');

describe('agent text', () => {
  it('loses escape sequences and control characters, keeps newlines, tabs and all visible text', () => {
    expect(cleanAgentText(RAW)).toBe(CLEAN);
    expect(cleanAgentText('plain text\nstays the same string')).toBe('plain text\nstays the same string');
  });

  it('comes out the same however the stream is cut into pieces', () => {
    for (let size = 1; size <= 7; size++) {
      const cleaner = new AgentTextCleaner();
      let out = '';
      for (let at = 0; at < RAW.length; at += size) out += cleaner.push(RAW.slice(at, at + size));
      expect(out + cleaner.end()).toBe(CLEAN);
    }
  });

  it('gives back the text of a sequence that never ends instead of swallowing the answer', () => {
    const answer = `Start \x1b]8;;${'never closed '.repeat(1000)}`;
    expect(cleanAgentText(answer)).toBe(`Start ]8;;${'never closed '.repeat(1000)}`);
    expect(cleanAgentText('cut short \x1b[3')).toBe('cut short ');
  });

  it('cleans what events carry for display, one answer stream across text events', () => {
    const events = cleanAgentEvents([
      { type: 'text', text: 'a \x1b[3' },
      { type: 'tool_call', name: 'Read\x00', summary: '\x1b[1mREADME.md\x1b[0m', paths: ['README.md'] },
      { type: 'text', text: '2mgreen\x1b[0m b' },
      { type: 'error', message: 'bad\x07 thing' },
    ]);
    expect(events).toEqual([
      { type: 'text', text: 'a ' },
      { type: 'tool_call', name: 'Read', summary: 'README.md', paths: ['README.md'] },
      { type: 'text', text: 'green b' },
      { type: 'error', message: 'bad thing' },
    ]);
  });
});
