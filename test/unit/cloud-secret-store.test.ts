// Credentials kept from Settings: a 0600 file outside the notebook, encrypted by the keychain
// cipher when the desktop app gives one (never the value in the clear then), plain otherwise.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SecretStore, type SecretCipher } from '../../electron/core/agents/cloud/secret-store';
import { tempDir } from '../support/temp';

/** A reversible stand-in for safeStorage (the real one needs Electron and an OS keychain). */
const cipher: SecretCipher = {
  available: () => true,
  encrypt: (text) => Buffer.from([...Buffer.from(text)].map((byte) => byte ^ 0x5a)),
  decrypt: (data) => Buffer.from([...data].map((byte) => byte ^ 0x5a)).toString(),
};

describe('SecretStore', () => {
  it('keeps a credential encrypted with the keychain cipher, in a file only the user can read', async () => {
    const file = join(await tempDir(), 'cloud-credentials.json');
    const store = new SecretStore(file, cipher);
    await store.set('jules', 'jules-secret-value-123');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).not.toContain('jules-secret-value-123');
    expect(await store.get('jules')).toBe('jules-secret-value-123');
    // Without the keychain (another process, serve), an encrypted value is not readable: undefined, never garbage.
    expect(await new SecretStore(file).get('jules')).toBeUndefined();
    await store.set('jules', null);
    expect(await store.get('jules')).toBeUndefined();
  });

  it('without a cipher (serve, the CLI) keeps it as is, 0600', async () => {
    const file = join(await tempDir(), 'nested', 'cloud-credentials.json');
    const store = new SecretStore(file);
    await store.set('copilot', 'ghu_abcdefgh12345');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await store.get('copilot')).toBe('ghu_abcdefgh12345');
    expect(await store.agents()).toEqual(['copilot']);
  });
});
