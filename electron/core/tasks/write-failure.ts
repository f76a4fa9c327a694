// Why a note or artifact could not be written, in words for the person: a full disk and where it
// is, a read-only or forbidden folder, a note that is gone.
import { ApiError } from '../../../shared/contract/errors';

/** `notebook`: the notebook folder, named in the message as the place that is full or closed. */
export function writeFailure(error: unknown, notebook: string): string {
  if (error instanceof ApiError && error.code === 'NOTE_NOT_FOUND') return 'the note was moved or deleted while the task ran.';
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const detail = error instanceof Error ? error.message : String(error);
  switch (code) {
    case 'ENOSPC':
      return `the disk is full: no space left on the device that holds ${notebook} (ENOSPC). Free some space there.`;
    case 'EDQUOT':
      return `your disk quota is used up on the device that holds ${notebook} (EDQUOT).`;
    case 'EROFS':
      return `${notebook} is on a read-only file system (EROFS).`;
    case 'EACCES':
    case 'EPERM':
      return `Fieldnotes may not write in ${notebook} (${detail}).`;
    default:
      return detail.endsWith('.') ? detail : `${detail}.`;
  }
}
