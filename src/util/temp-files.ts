import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { isRunning } from './processes.js';

let saves = 0;

/**
 * A temporary file to write `file` through, then rename: named by this process and a count, so that
 * two builds in one process (a dev server, a script) never share one while a save spans the search
 * stage, and by the process alone, so that `removeOrphans` can tell a killed build's file.
 */
export function temporaryFileOf(file: string): string {
  return `${file}.${process.pid}.${++saves}.tmp`;
}

/**
 * Removes temporary files of `file` (`temporaryFileOf`, and the older `<pid>.tmp` names) whose
 * process is gone: a build killed while it saved, which for the build cache spans the search stage.
 * A file of a running process is kept; one that cannot be removed is left: tidying never fails a save.
 */
export function removeOrphans(file: string): void {
  const dir = path.dirname(file);
  const prefix = `${path.basename(file)}.`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const entry of names) {
    const pid = processOf(entry, prefix);
    if (pid === undefined || pid === process.pid || isRunning(pid)) continue;
    try {
      rmSync(path.join(dir, entry), { force: true });
    } catch {
      // Another user's file, or a folder of that name: left as it is.
    }
  }
}

/** The process number in `<prefix><pid>.tmp` or `<prefix><pid>.<n>.tmp`; undefined for any other name. */
function processOf(name: string, prefix: string): number | undefined {
  if (!name.startsWith(prefix) || !name.endsWith('.tmp')) return undefined;
  const [pid, count, ...rest] = name.slice(prefix.length, -'.tmp'.length).split('.');
  const digits = (part: string | undefined): boolean => part !== undefined && /^\d+$/.test(part);
  return digits(pid) && (count === undefined || digits(count)) && rest.length === 0 && Number(pid) > 0 ? Number(pid) : undefined;
}
