// The notebook's trash: a deleted note moves to `.fieldnotes/trash/<trashId>/` with a record of
// where it was, until it is restored or the trash is emptied. Like notes, the trash arrives with
// the notebook (`git pull`): its records and files are read only where no link leads out.
import { readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ApiError } from '../../../shared/contract/errors';
import { TrashedNote } from '../../../shared/model/note';
import { isUlid } from '../../../shared/model/ulid';
import { writeFileAtomic } from '../fs/atomic-write';
import { newId } from '../ids';
import { LAYOUT } from './notebook-layout';
import { checkRelativePath, folderInside, openInside, realInside } from './safe-path';

const RECORD = 'trashed.json';
const TrashRecord = TrashedNote.extend({ file: z.string() });
type TrashRecord = z.infer<typeof TrashRecord>;

export class Trash {
  private readonly folder: string;

  constructor(private readonly root: string) {
    this.folder = join(root, ...LAYOUT.trash.split('/'));
  }

  /** Moves the file at `abs` into the trash. The record is written first, so a crash never loses the note. */
  async put(note: { id: string; title: string; path: string }, abs: string): Promise<TrashedNote> {
    const trashId = newId();
    const file = note.path.split('/').pop()!;
    const entry = join(this.folder, trashId);
    await folderInside(this.root, entry);
    const record: TrashRecord = { trashId, id: note.id, title: note.title, path: note.path, trashedAt: new Date().toISOString(), file };
    await writeFileAtomic(join(entry, RECORD), JSON.stringify(record, null, 2) + '\n');
    await rename(abs, join(entry, file));
    return TrashedNote.parse(record);
  }

  /** Trashed notes, most recently deleted first. Entries whose note file is gone are left out. */
  async list(): Promise<TrashedNote[]> {
    const names = await readdir(this.folder).catch(() => [] as string[]);
    const records = await Promise.all(names.filter(isUlid).map((trashId) => this.record(trashId).catch(() => null)));
    return records
      .filter((record): record is TrashRecord => record !== null)
      .map((record) => TrashedNote.parse(record))
      .sort((a, b) => (a.trashId < b.trashId ? 1 : -1));
  }

  /** Where a trashed note is, and where it came from. */
  async locate(trashId: string): Promise<{ record: TrashedNote; abs: string }> {
    if (!isUlid(trashId)) throw new ApiError('BAD_INPUT', `${JSON.stringify(trashId)} is not a trash entry id.`);
    const record = await this.record(trashId).catch(() => null);
    if (!record) throw new ApiError('NOT_FOUND', 'That note is no longer in the trash (it was restored, or the trash was emptied).');
    return { record: TrashedNote.parse(record), abs: join(this.folder, trashId, record.file) };
  }

  /** Forgets one entry (after its note was restored). */
  async discard(trashId: string): Promise<void> {
    if (isUlid(trashId)) await rm(join(this.folder, trashId), { recursive: true, force: true });
  }

  /** Deletes everything in the trash for good; returns the ids of the notes that were in it. */
  async empty(): Promise<string[]> {
    const records = await this.list();
    const names = await readdir(this.folder).catch(() => [] as string[]);
    await Promise.all(names.filter(isUlid).map((name) => rm(join(this.folder, name), { recursive: true, force: true })));
    return records.map((record) => record.id);
  }

  private async record(trashId: string): Promise<TrashRecord> {
    const handle = await openInside(this.root, join(this.folder, trashId, RECORD));
    const text = await handle.readFile('utf8').finally(() => handle.close());
    const record = TrashRecord.parse(JSON.parse(text));
    if (record.trashId !== trashId) throw new Error('trash record of another entry');
    // The record is a file on disk like any other: its paths must not lead out of the notebook.
    checkRelativePath(record.path, 'The trashed note’s original path');
    if (checkRelativePath(record.file, 'The trashed file').length !== 1) throw new Error('bad trash record');
    await realInside(this.root, join(this.folder, trashId, record.file));
    return record;
  }
}
