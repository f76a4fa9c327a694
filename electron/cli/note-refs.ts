// Notes named on the command line (by id or path), for the commands that take several: each name
// that matches no note is reported on stderr, and the command stops without doing its work.
import { ApiError } from '../../shared/contract/errors';
import type { InProcessApi } from '../core/api-client';
import { CliError } from './cli-error';

/** The ids of the notes named by `refs`; `nothing` says what was not done when a name matches no note ("checked", "printed"). */
export async function noteIdsOf(api: InProcessApi, refs: string[], nothing: string): Promise<string[]> {
  const ids: string[] = [];
  let unknown = 0;
  for (const ref of refs) {
    try {
      ids.push((await api.notes.find({ ref, cwd: process.cwd() })).summary.id);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      console.error(`fieldnotes: ${error.message}`);
      unknown += 1;
    }
  }
  if (unknown > 0) throw new CliError(`${unknown === 1 ? 'A note was' : `${unknown} notes were`} not found (see above), so nothing was ${nothing}. \`fieldnotes list\` shows the ids.`);
  return ids;
}
