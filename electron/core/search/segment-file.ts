// A segment on disk: one binary file, checksummed, whose arrays load without parsing. Only the
// note facts are JSON; the vocabulary is its terms' UTF-8 bytes and where each term starts (read
// in place when every term is ASCII); postings stay encoded.
import { readFile, rename, writeFile } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import { FIELD_COUNT } from './fields';
import type { NoteFacts } from './indexed-note';
import { Segment } from './segment';
import { Vocabulary } from './vocabulary';

const MAGIC = Buffer.from('FNSEARCH', 'latin1');
/** Bump when the layout of a segment file changes. */
export const SEGMENT_FILE_VERSION = 3;
const PREAMBLE = 20;

interface SegmentHeader {
  notes: NoteFacts[];
  termCount: number;
  termBytes: number;
  /** True when every term is ASCII: then the vocabulary is read in place, its bytes being its code units. */
  termsAscii: boolean;
  postingBytes: number;
}

/** Thrown when a segment file is not one this version can read: the index rebuilds what it covered. */
export class SegmentFileError extends Error {
  override readonly name = 'SegmentFileError';
}

export function encodeSegment(segment: Segment): Buffer {
  const data = segment.data();
  const { utf8, ascii } = data.terms.encoded();
  const header: SegmentHeader = {
    notes: data.notes,
    termCount: data.terms.size,
    termBytes: utf8.length,
    termsAscii: ascii,
    postingBytes: data.postings.length,
  };
  const headerBytes = padded(Buffer.from(JSON.stringify(header), 'utf8'));
  const body = Buffer.concat([
    headerBytes,
    bytesOf(data.fieldLengths),
    bytesOf(data.postingStart),
    bytesOf(data.terms.hashes),
    bytesOf(data.terms.starts),
    utf8,
    Buffer.from(data.postings.buffer, data.postings.byteOffset, data.postings.length),
  ]);
  const preamble = Buffer.alloc(PREAMBLE);
  MAGIC.copy(preamble, 0);
  preamble.writeUInt32LE(SEGMENT_FILE_VERSION, 8);
  preamble.writeUInt32LE(crc32(body), 12);
  preamble.writeUInt32LE(headerBytes.length, 16);
  return Buffer.concat([preamble, body]);
}

/**
 * Reads a segment from its file's bytes, checking its structure. The checksum is checked
 * separately (`checksumMatches`), so the index can answer before every byte has been verified.
 * The segment's arrays are views into `file`, not copies.
 */
export function decodeSegment(file: Buffer, deleted: Iterable<number> = []): Segment {
  if (file.length < PREAMBLE || !file.subarray(0, 8).equals(MAGIC)) throw new SegmentFileError('not a Fieldnotes search segment');
  const version = file.readUInt32LE(8);
  if (version !== SEGMENT_FILE_VERSION) throw new SegmentFileError(`segment format ${version}, expected ${SEGMENT_FILE_VERSION}`);
  const body = file.subarray(PREAMBLE);
  const headerLength = file.readUInt32LE(16);
  let header: SegmentHeader;
  try {
    header = JSON.parse(body.toString('utf8', 0, headerLength).trimEnd()) as SegmentHeader;
  } catch {
    throw new SegmentFileError('unreadable header');
  }
  const noteCount = header.notes.length;
  let at = headerLength;
  const take = (length: number): Buffer => {
    if (at + length > body.length) throw new SegmentFileError('truncated');
    const part = body.subarray(at, at + length);
    at += length;
    return part;
  };
  const fieldLengths = uint32s(take(noteCount * FIELD_COUNT * 4));
  const postingStart = uint32s(take((header.termCount + 1) * 4));
  const hashes = uint32s(take(header.termCount * 4));
  const termStarts = uint32s(take((header.termCount + 1) * 4));
  let terms: Vocabulary;
  try {
    terms = Vocabulary.fromEncoded(take(header.termBytes), header.termsAscii, termStarts, hashes);
  } catch (error) {
    if (error instanceof SegmentFileError) throw error;
    throw new SegmentFileError('inconsistent term starts');
  }
  const postingBytes = take(header.postingBytes);
  const postings = new Uint8Array(postingBytes.buffer, postingBytes.byteOffset, postingBytes.length);
  if (terms.size !== header.termCount || postingStart[header.termCount] !== postings.length || at !== body.length) {
    throw new SegmentFileError('inconsistent sizes');
  }
  if (header.notes.length !== noteCount || deletedOutOfRange(deleted, noteCount)) throw new SegmentFileError('inconsistent notes');
  return new Segment({ notes: header.notes, fieldLengths, terms, postingStart, postings }, deleted);
}

function deletedOutOfRange(deleted: Iterable<number>, noteCount: number): boolean {
  for (const note of deleted) if (!Number.isInteger(note) || note < 0 || note >= noteCount) return true;
  return false;
}

/** Whether the file's bytes are those that were written, checked a megabyte at a time between `pause`s. */
export async function checksumMatches(file: Buffer, pause: () => Promise<void> | undefined = () => undefined): Promise<boolean> {
  const chunk = 1 << 20;
  let crc = 0;
  for (let at = PREAMBLE; at < file.length; at += chunk) {
    crc = crc32(file.subarray(at, Math.min(file.length, at + chunk)), crc);
    const wait = pause();
    if (wait) await wait;
  }
  return crc === file.readUInt32LE(12);
}

/** Writes the segment next to its final name, then renames it: a crash never leaves half a file. */
export async function writeSegmentFile(path: string, segment: Segment): Promise<number> {
  const bytes = encodeSegment(segment);
  await writeFile(`${path}.tmp`, bytes);
  await rename(`${path}.tmp`, path);
  return bytes.length;
}

/** Reads and decodes a segment file; `bytes` is kept for checking the checksum later. */
export async function readSegmentFile(path: string, deleted: Iterable<number> = []): Promise<{ segment: Segment; bytes: Buffer }> {
  const bytes = await readFile(path);
  return { segment: decodeSegment(bytes, deleted), bytes };
}

function padded(bytes: Buffer): Buffer {
  const padding = (4 - (bytes.length % 4)) % 4;
  return padding === 0 ? bytes : Buffer.concat([bytes, Buffer.alloc(padding, 0x20)]);
}

function bytesOf(array: Uint32Array): Buffer {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength);
}

/** A view when the bytes are 4-aligned (a file read whole is), else an aligned copy. */
function uint32s(bytes: Buffer): Uint32Array {
  if (bytes.byteOffset % 4 === 0) return new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
  const out = new Uint32Array(bytes.length / 4);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}
