// A segment on disk: one binary file, checksummed, whose arrays load without parsing. Only the
// note facts are JSON; the vocabulary is one UTF-8 string split at load; postings stay encoded.
import { readFile, rename, writeFile } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import { FIELD_COUNT } from './fields';
import type { NoteFacts } from './indexed-note';
import { Segment } from './segment';
import { Vocabulary } from './vocabulary';

const MAGIC = Buffer.from('FNSEARCH', 'latin1');
/** Bump when the layout of a segment file changes. */
export const SEGMENT_FILE_VERSION = 1;
const PREAMBLE = 20;

interface SegmentHeader {
  notes: NoteFacts[];
  termCount: number;
  termBytes: number;
  postingBytes: number;
}

/** Thrown when a segment file is not one this version can read: the index rebuilds what it covered. */
export class SegmentFileError extends Error {
  override readonly name = 'SegmentFileError';
}

export function encodeSegment(segment: Segment): Buffer {
  const data = segment.data();
  const termText = Buffer.from(data.terms.serialize(), 'utf8');
  const header: SegmentHeader = {
    notes: data.notes,
    termCount: data.terms.size,
    termBytes: termText.length,
    postingBytes: data.postings.length,
  };
  const headerBytes = padded(Buffer.from(JSON.stringify(header), 'utf8'));
  const body = Buffer.concat([
    headerBytes,
    bytesOf(data.fieldLengths),
    bytesOf(data.postingStart),
    termText,
    Buffer.from(data.postings.buffer, data.postings.byteOffset, data.postings.length),
  ]);
  const preamble = Buffer.alloc(PREAMBLE);
  MAGIC.copy(preamble, 0);
  preamble.writeUInt32LE(SEGMENT_FILE_VERSION, 8);
  preamble.writeUInt32LE(crc32(body), 12);
  preamble.writeUInt32LE(headerBytes.length, 16);
  return Buffer.concat([preamble, body]);
}

export function decodeSegment(file: Buffer, deleted: Iterable<number> = []): Segment {
  if (file.length < PREAMBLE || !file.subarray(0, 8).equals(MAGIC)) throw new SegmentFileError('not a Fieldnotes search segment');
  const version = file.readUInt32LE(8);
  if (version !== SEGMENT_FILE_VERSION) throw new SegmentFileError(`segment format ${version}, expected ${SEGMENT_FILE_VERSION}`);
  const body = file.subarray(PREAMBLE);
  if (crc32(body) !== file.readUInt32LE(12)) throw new SegmentFileError('checksum mismatch (the file is damaged)');
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
  const terms = new Vocabulary(take(header.termBytes).toString('utf8'));
  const postings = new Uint8Array(take(header.postingBytes));
  if (terms.size !== header.termCount || postingStart[header.termCount] !== postings.length) {
    throw new SegmentFileError('inconsistent vocabulary');
  }
  return new Segment({ notes: header.notes, fieldLengths, terms, postingStart, postings }, deleted);
}

/** Writes the segment next to its final name, then renames it: a crash never leaves half a file. */
export async function writeSegmentFile(path: string, segment: Segment): Promise<number> {
  const bytes = encodeSegment(segment);
  await writeFile(`${path}.tmp`, bytes);
  await rename(`${path}.tmp`, path);
  return bytes.length;
}

export async function readSegmentFile(path: string, deleted: Iterable<number> = []): Promise<Segment> {
  return decodeSegment(await readFile(path), deleted);
}

function padded(bytes: Buffer): Buffer {
  const padding = (4 - (bytes.length % 4)) % 4;
  return padding === 0 ? bytes : Buffer.concat([bytes, Buffer.alloc(padding, 0x20)]);
}

function bytesOf(array: Uint32Array): Buffer {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength);
}

/** Copies into a fresh, aligned array (file buffers come at any offset). */
function uint32s(bytes: Buffer): Uint32Array {
  const out = new Uint32Array(bytes.length / 4);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}
