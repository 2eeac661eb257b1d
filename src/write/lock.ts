import { closeSync, constants, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isRunning } from '../util/processes.js';

/** Takes the lock file of an output folder: one build at a time; a lock left by a process that is gone is taken over. */
export function acquireLock(lockFile: string): void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY);
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(readFileSync(lockFile, 'utf8'));
      const alive = Number.isInteger(pid) && pid > 0 && pid !== process.pid && isRunning(pid);
      if (alive) throw new Error(`another Stadtbote build (process ${pid}) is writing to this output folder`);
      rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`could not lock ${lockFile}`);
}
