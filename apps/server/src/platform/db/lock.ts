// A lock file on the embedded data directory: two processes on one PGlite directory lose writes.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(`The data directory ${dataDir} is already in use by another Taama process (pid ${pid}). Stop it first, or use another TAAMA_DATA_DIR.`);
  }
}

export interface LockInfo {
  pid: number;
  /** The embedded database process: it outlives a killed server for as long as it takes to close cleanly. */
  childPid?: number;
  port?: number;
  startedAt: string;
}

/** Path of the lock file inside a data directory. */
export function lockPath(dataDir: string): string {
  return join(dataDir, 'taama.lock');
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Reads the lock of a data directory, if a live process holds it (the server or its database process). */
export function readLock(dataDir: string): LockInfo | undefined {
  try {
    const info = JSON.parse(readFileSync(lockPath(dataDir), 'utf8')) as LockInfo;
    // After a SIGKILL of the server its database process is still flushing: the lock is not stale yet.
    return alive(info.pid) || (info.childPid !== undefined && alive(info.childPid)) ? info : undefined;
  } catch {
    return undefined;
  }
}

/** Takes the lock for this process; a stale lock (its process gone) is replaced. */
export function acquireLock(dataDir: string): { update(info: Partial<LockInfo>): void; release(): void } {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const path = lockPath(dataDir);
  const info: LockInfo = { pid: process.pid, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, JSON.stringify(info));
      closeSync(fd);
      return {
        update(more) {
          Object.assign(info, more);
          writeFileSync(path, JSON.stringify(info), { mode: 0o600 });
        },
        release() {
          const current = readLock(dataDir);
          if (!current || current.pid === process.pid) rmSync(path, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readLock(dataDir);
      if (holder) throw new DataDirInUseError(dataDir, holder.pid);
      rmSync(path, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${path}`);
}
