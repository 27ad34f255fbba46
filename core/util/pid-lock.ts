import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";

/** What trying a lock gave: its release, or the live process that holds it. @public */
export type LockAttempt =
  | { readonly taken: true; readonly release: () => void }
  | { readonly taken: false; readonly holder: number };

/**
 * Tries once to take a lock file: created exclusively, holding this process's pid. A lock whose
 * process is gone (killed, crashed) is stale: it is removed and taken. A lock this process holds
 * already counts as stale too (a killed run of the same pid cannot hold it).
 *
 * @public
 */
export function tryLock(file: string): LockAttempt {
  for (;;) {
    try {
      const fd = openSync(file, "wx");
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return { taken: true, release: () => rmSync(file, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const pid = holderOf(file);
      if (pid !== null && pid !== process.pid && alive(pid)) return { taken: false, holder: pid };
      rmSync(file, { force: true });
    }
  }
}

/** The pid a lock file names; `null` when it is gone or names none. */
function holderOf(file: string): number | null {
  try {
    const pid = Number(readFileSync(file, "utf8").trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** Whether a process with this pid exists (EPERM: it does, owned by another user). @public */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
