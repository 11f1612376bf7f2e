import { constants, crc32, deflateRawSync } from 'node:zlib';

/** One entry of a hand-made archive: its bytes as stored, and what its headers claim. */
export interface RawEntry {
  name: string;
  /** The bytes as stored in the archive (already deflated when `method` is 8). */
  stored: Uint8Array;
  method: 0 | 8;
  /** The uncompressed size the headers declare, true or not. */
  declaredSize: number;
  crc: number;
  isEncrypted?: boolean;
}

/** An entry stored deflated, with honest headers. */
export function deflatedEntry(name: string, data: Uint8Array): RawEntry {
  return { name, stored: deflateRawSync(data), method: 8, declaredSize: data.length, crc: crc32(data) };
}

/**
 * A deflate stream that inflates to `megabytes` MB of zeros from a few kilobytes: one flushed
 * block of a megabyte of zeros, repeated, then an empty final block. This is how zip bombs reach
 * gigabytes without anyone having to compress them.
 */
export function zeroBomb(megabytes: number): Uint8Array {
  const block = deflateRawSync(new Uint8Array(1024 * 1024), {
    level: 9,
    finishFlush: constants.Z_FULL_FLUSH,
  });
  const finalEmptyBlock = new Uint8Array([0x03, 0x00]);
  const out = new Uint8Array(block.length * megabytes + finalEmptyBlock.length);
  for (let index = 0; index < megabytes; index += 1) out.set(block, index * block.length);
  out.set(finalEmptyBlock, block.length * megabytes);
  return out;
}

/** Writes a zip archive exactly as told, lies included: local headers, central directory, end record. */
export function writeZip(entries: RawEntry[]): Uint8Array {
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = encoder.encode(entry.name);
    const flags = entry.isEncrypted ? 1 : 0;
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(6, flags, true);
    local.setUint16(8, entry.method, true);
    local.setUint32(14, entry.crc, true);
    local.setUint32(18, entry.stored.length, true);
    local.setUint32(22, entry.declaredSize, true);
    local.setUint16(26, name.length, true);
    chunks.push(new Uint8Array(local.buffer), name, entry.stored);
    const record = new DataView(new ArrayBuffer(46));
    record.setUint32(0, 0x02014b50, true);
    record.setUint16(4, 20, true);
    record.setUint16(6, 20, true);
    record.setUint16(8, flags, true);
    record.setUint16(10, entry.method, true);
    record.setUint32(16, entry.crc, true);
    record.setUint32(20, entry.stored.length, true);
    record.setUint32(24, entry.declaredSize, true);
    record.setUint16(28, name.length, true);
    record.setUint32(42, offset, true);
    central.push(new Uint8Array(record.buffer), name);
    offset += 30 + name.length + entry.stored.length;
  }
  const centralSize = central.reduce((sum, chunk) => sum + chunk.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, centralSize, true);
  end.setUint32(16, offset, true);
  const all = [...chunks, ...central, new Uint8Array(end.buffer)];
  const out = new Uint8Array(all.reduce((sum, chunk) => sum + chunk.length, 0));
  let position = 0;
  for (const chunk of all) {
    out.set(chunk, position);
    position += chunk.length;
  }
  return out;
}
