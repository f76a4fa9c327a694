// New note ids: ULIDs, unique and sortable by creation time.
import { createHash } from 'node:crypto';
import { monotonicFactory, ulid } from 'ulid';

const next = monotonicFactory();

/** A new ULID: for now (increasing even within one millisecond), or for a given time. */
export function newId(time?: number): string {
  return time === undefined ? next() : ulid(time);
}

/**
 * A ULID for `time` whose random part comes from `seed`: the same seed always gives the same last
 * 16 characters, so something made from the same input twice is recognized.
 */
export function derivedId(time: number, seed: string): string {
  const bytes = createHash('sha256').update(seed).digest();
  let next = 0;
  return ulid(time, () => bytes[next++ % bytes.length]! / 256);
}
