// New note ids: ULIDs, unique and sortable by creation time.
import { monotonicFactory, ulid } from 'ulid';

const next = monotonicFactory();

/** A new ULID: for now (increasing even within one millisecond), or for a given time. */
export function newId(time?: number): string {
  return time === undefined ? next() : ulid(time);
}
