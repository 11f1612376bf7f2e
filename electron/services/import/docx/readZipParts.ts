import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { ApiError } from '../../../../shared/api/errors';

/** How much a Word file may unpack to before it is refused as a possible zip bomb. */
export interface ZipLimits {
  /** Parts in the archive; Word writes 10 to 40, a document full of images a few hundred. */
  maxEntries: number;
  /** The unpacked size of any one part that is read. */
  maxPartBytes: number;
  /** The unpacked size of all parts read, together. */
  maxTotalBytes: number;
}

/** The limits Margin imports Word files under. */
export const DOCX_LIMITS: ZipLimits = {
  maxEntries: 5_000,
  maxPartBytes: 64 * 1024 * 1024,
  maxTotalBytes: 256 * 1024 * 1024,
};

/**
 * Unpacks the parts of a zip archive that `isWanted` picks, refusing an archive before anything is
 * inflated when its directory declares too many entries or too large a size, and stopping any part
 * the moment it unpacks to more bytes than it declared (yauzl checks every part against its
 * declared size), so neither a zip bomb nor a lying size can use more than the limits allow.
 */
export async function readZipParts(
  bytes: Uint8Array,
  isWanted: (name: string) => boolean,
  limits: ZipLimits = DOCX_LIMITS,
): Promise<Map<string, Uint8Array>> {
  const zip = await openZip(bytes);
  try {
    if (zip.entryCount > limits.maxEntries) {
      throw refused(
        `This Word document holds ${zip.entryCount} parts, more than the ${limits.maxEntries} a document can need`,
      );
    }
    // Every declaration is checked before any part is unpacked.
    const wanted: Entry[] = [];
    const names = new Set<string>();
    let total = 0;
    for (let entry = await nextEntry(zip); entry !== null; entry = await nextEntry(zip)) {
      if (!isWanted(entry.fileName) || entry.fileName.endsWith('/')) continue;
      if (entry.isEncrypted()) {
        throw new ApiError(
          'not-an-article',
          'This Word document is protected by a password; save a copy without the password in Word and open that.',
        );
      }
      if (entry.uncompressedSize > limits.maxPartBytes) {
        throw refused(
          `A part of this Word document would unpack to more than ${megabytes(limits.maxPartBytes)}`,
        );
      }
      total += entry.uncompressedSize;
      if (total > limits.maxTotalBytes) {
        throw refused(`This Word document would unpack to more than ${megabytes(limits.maxTotalBytes)}`);
      }
      if (names.has(entry.fileName)) throw damaged();
      names.add(entry.fileName);
      wanted.push(entry);
    }
    const parts = new Map<string, Uint8Array>();
    for (const entry of wanted) parts.set(entry.fileName, await readEntry(zip, entry));
    return parts;
  } finally {
    zip.close();
  }
}

function openZip(bytes: Uint8Array): Promise<ZipFile> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      buffer,
      { lazyEntries: true, validateEntrySizes: true, strictFileNames: false, decodeStrings: true },
      (error, zip) => (error || !zip ? reject(notADocument()) : resolve(zip)),
    );
  });
}

/** The next entry of the central directory, or null after the last. */
function nextEntry(zip: ZipFile): Promise<Entry | null> {
  return new Promise((resolve, reject) => {
    const cleanUp = () => {
      zip.off('entry', onEntry);
      zip.off('end', onEnd);
      zip.off('error', onError);
    };
    const onEntry = (entry: Entry) => {
      cleanUp();
      resolve(entry);
    };
    const onEnd = () => {
      cleanUp();
      resolve(null);
    };
    const onError = () => {
      cleanUp();
      reject(damaged());
    };
    zip.on('entry', onEntry);
    zip.on('end', onEnd);
    zip.on('error', onError);
    zip.readEntry();
  });
}

/** One part's bytes; yauzl fails the stream as soon as it passes the size the part declared. */
function readEntry(zip: ZipFile, entry: Entry): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (openError, stream) => {
      if (openError || !stream) {
        reject(damaged());
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', (error: Error) => {
        stream.destroy();
        reject(
          /too many bytes/.test(error.message)
            ? refused('A part of this Word document unpacks to more than the size it declares')
            : damaged(),
        );
      });
      stream.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    });
  });
}

function refused(reason: string): ApiError {
  return new ApiError(
    'too-large',
    `${reason}, so it is refused as a possible zip bomb; open it in Word, save it again and open that copy.`,
  );
}

function damaged(): ApiError {
  return new ApiError(
    'not-an-article',
    'This Word document is damaged and cannot be unpacked; open it in Word, save it again and open that copy.',
  );
}

function notADocument(): ApiError {
  return new ApiError(
    'not-an-article',
    'This file is not a Word document (.docx), although its name says so; open it in the program that made it and save it as .docx.',
  );
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}
