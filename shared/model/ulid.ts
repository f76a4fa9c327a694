// ULIDs identify notes: 26 Crockford base32 characters, sortable by creation time.
import { z } from 'zod';

export const ULID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;

export const Ulid = z.string().regex(ULID_PATTERN, 'not a ULID (26 characters of Crockford base32)');
export type Ulid = z.infer<typeof Ulid>;

export function isUlid(value: string): boolean {
  return ULID_PATTERN.test(value);
}
