// A note's artifacts: files kept with it (a poc diff, attachments) in `.fieldnotes/artifacts/<id>/`.
// They arrive with the notebook (`git pull`) like notes do, so they are read by the notes' rule:
// a symlink is followed only while it stays inside the notebook.
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ApiError } from '../../../shared/contract/errors';
import type { Artifact } from '../../../shared/model/note';
import { isUlid } from '../../../shared/model/ulid';
import { isTempFile, writeFileAtomic } from '../fs/atomic-write';
import { LAYOUT } from './notebook-layout';
import { checkRelativePath, folderInside, openInside } from './safe-path';

export class Artifacts {
  private readonly folder: string;

  constructor(private readonly root: string) {
    this.folder = join(root, ...LAYOUT.artifacts.split('/'));
  }

  /** The absolute path of a note's artifact; the name must be a plain file name. */
  path(id: string, name: string): string {
    return join(this.noteFolder(id), checkName(name));
  }

  /** Writes (or replaces) an artifact atomically; returns its absolute path. */
  async write(id: string, name: string, data: string | Uint8Array): Promise<string> {
    const file = this.path(id, name);
    // The temp file and the rename stay in the folder, so this is all that may not lead out.
    await folderInside(this.root, this.noteFolder(id), `${LAYOUT.artifacts}/${id}`);
    await writeFileAtomic(file, data);
    return file;
  }

  /** The first `maxBytes` of an artifact, and its whole size: a big diff is not read whole to show its start. */
  async readStart(id: string, name: string, maxBytes: number): Promise<{ data: Buffer; size: number }> {
    const file = await openInside(this.root, this.path(id, name), `${LAYOUT.artifacts}/${id}/${name}`).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') throw new ApiError('NOT_FOUND', `The note has no artifact named ${JSON.stringify(name)}.`);
      throw error;
    });
    try {
      const info = await file.stat();
      if (!info.isFile()) throw new ApiError('NOT_FOUND', `The note's artifact ${JSON.stringify(name)} is not a file.`);
      const { size } = info;
      const data = Buffer.alloc(Math.min(size, maxBytes));
      const { bytesRead } = await file.read(data, 0, data.length, 0);
      return { data: data.subarray(0, bytesRead), size };
    } finally {
      await file.close();
    }
  }

  /** A note's artifacts, by name: the files that readStart would read (no links out). */
  async list(id: string): Promise<Artifact[]> {
    const folder = this.noteFolder(id);
    const names = await readdir(folder).catch(() => [] as string[]);
    const artifacts = await Promise.all(
      names
        .filter((name) => !name.startsWith('.') && !isTempFile(name))
        .map(async (name) => {
          const file = await openInside(this.root, join(folder, name)).catch(() => null);
          if (!file) return null;
          try {
            const info = await file.stat();
            return info.isFile() ? { name, size: info.size } : null;
          } finally {
            await file.close();
          }
        }),
    );
    return artifacts.filter((artifact): artifact is Artifact => artifact !== null).sort((a, b) => a.name.localeCompare(b.name));
  }

  async remove(id: string): Promise<void> {
    if (isUlid(id)) await rm(this.noteFolder(id), { recursive: true, force: true });
  }

  private noteFolder(id: string): string {
    if (!isUlid(id)) throw new ApiError('BAD_INPUT', `${JSON.stringify(id)} is not a note id (a ULID); artifacts belong to Fieldnotes notes.`);
    return join(this.folder, id);
  }
}

function checkName(name: string): string {
  const segments = checkRelativePath(name, 'The artifact name');
  if (segments.length !== 1 || name.startsWith('.')) {
    throw new ApiError('BAD_INPUT', `The artifact name ${JSON.stringify(name)} must be a plain file name, without folders or a leading dot.`);
  }
  if (Buffer.byteLength(name) > 200) throw new ApiError('BAD_INPUT', 'The artifact name is longer than 200 bytes.');
  return name;
}
