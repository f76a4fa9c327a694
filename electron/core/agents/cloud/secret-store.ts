// Credentials entered once in Settings: kept outside the notebook and outside the settings file,
// in `<userData>/cloud-credentials.json` (mode 0600), each one encrypted with the OS keychain when
// the desktop app gives a cipher (Electron's safeStorage), as is otherwise (serve and the CLI,
// where the file's permissions alone protect it). Values never reach a log.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Encryption by the OS keychain (Electron's safeStorage), when the desktop app has it. */
export interface SecretCipher {
  /** False when the OS offers no keychain (then nothing is stored encrypted). */
  available(): boolean;
  encrypt(text: string): Buffer;
  decrypt(data: Buffer): string;
}

type Stored = Record<string, { keychain: string } | { plain: string }>;

export const CREDENTIALS_FILE = 'cloud-credentials.json';

export class SecretStore {
  constructor(
    private readonly file: string,
    private readonly cipher?: SecretCipher,
  ) {}

  /** The credential kept for a cloud agent, or undefined (also when it cannot be decrypted here). */
  async get(agent: string): Promise<string | undefined> {
    const entry = (await this.read())[agent];
    if (!entry) return undefined;
    if ('plain' in entry) return entry.plain;
    if (!this.cipher?.available()) return undefined;
    try {
      return this.cipher.decrypt(Buffer.from(entry.keychain, 'base64'));
    } catch {
      return undefined;
    }
  }

  /** Which agents have a credential kept. */
  async agents(): Promise<string[]> {
    return Object.keys(await this.read());
  }

  /** Keeps (or with null, forgets) a cloud agent's credential. */
  async set(agent: string, value: string | null): Promise<void> {
    const stored = await this.read();
    if (value === null) delete stored[agent];
    else stored[agent] = this.cipher?.available() ? { keychain: this.cipher.encrypt(value).toString('base64') } : { plain: value };
    // Created 0600 from the first byte, then renamed over the old file: never readable by others.
    await mkdir(dirname(this.file), { recursive: true, mode: 0o700 });
    const temp = `${this.file}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(temp, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
      await rename(temp, this.file);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
  }

  private async read(): Promise<Stored> {
    try {
      const parsed = JSON.parse(await readFile(this.file, 'utf8')) as unknown;
      return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Stored) : {};
    } catch {
      return {};
    }
  }
}
