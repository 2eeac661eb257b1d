import { closeSync, openSync, readSync } from 'node:fs';
import path from 'node:path';

// The Markdown store's files (cache/markdown-store.ts), in a module of their own: its read-ahead
// thread (cache/store-read-thread.ts) reads them without loading the store's checks and keys.

/** The file of an entry in a store folder. */
export function entryFileOf(dir: string, key: string): string {
  return path.join(dir, key.slice(0, 2), `${key}.json`);
}

/** One buffer for the reads of a thread: an entry is a few kilobytes, and a read into it needs no `fstat` for the size. */
const READ_BUFFER = Buffer.allocUnsafe(64 * 1024);

/**
 * An entry file's text, or undefined when it cannot be read. Opened, read into a buffer kept for all
 * reads, closed: three system calls where `readFileSync` makes four (it asks for the size), and a template edit reads
 * 10,000 entries (each system call costs some 7 µs on the 2-core machine). A larger entry grows a
 * buffer of its own, which goes with it: one long body must not keep megabytes for the rest of the build.
 */
export function readEntryText(file: string): string | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    let buffer = READ_BUFFER;
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        const larger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(larger, 0, 0, length);
        buffer = larger;
      }
      const room = buffer.length - length;
      const read = readSync(fd, buffer, length, room, null);
      length += read;
      // A regular file gives less than asked for only at its end: no further read to be told so.
      if (read < room) break;
    }
    return buffer.toString('utf8', 0, length);
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

