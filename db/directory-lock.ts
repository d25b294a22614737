import { closeSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * An exclusive, process-wide lock on the embedded database directory. PGlite silently corrupts its
 * data when two processes open one directory, so a second opener must be refused before it touches it.
 *
 * The lock is a file created with O_EXCL beside the directory, holding the owner's pid. A lock whose
 * process no longer runs (a crash, kill -9) is stale and is taken over.
 */
export class DirectoryLockedError extends Error {
  override name = "DirectoryLockedError";
  constructor(
    readonly directory: string,
    readonly owner: LockOwner,
  ) {
    super(
      `The embedded database directory ${directory} is locked: it is in use by process ${owner.pid}` +
        `${owner.command ? ` (${owner.command})` : ""}${owner.hostname !== os.hostname() ? ` on host ${owner.hostname}` : ""}, ` +
        `since ${owner.startedAt}. Stop that process first (two processes on one PGlite directory would corrupt it), ` +
        `or set DATABASE_URL to use a PostgreSQL server, which many processes can share.`,
    );
  }
}

interface LockOwner {
  pid: number;
  hostname: string;
  command: string;
  startedAt: string;
}

export interface DirectoryLock {
  path: string;
  release(): void;
}

export function lockFilePath(directory: string): string {
  return path.join(path.dirname(directory), `${path.basename(directory)}.lock`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readOwner(file: string): LockOwner | null {
  try {
    const owner = JSON.parse(readFileSync(file, "utf8")) as Partial<LockOwner>;
    return typeof owner.pid === "number" ? (owner as LockOwner) : null;
  } catch {
    return null;
  }
}

const held = new Map<string, DirectoryLock>();

export function acquireDirectoryLock(directory: string): DirectoryLock {
  const absolute = path.resolve(directory);
  const existing = held.get(absolute);
  if (existing) return existing;

  const file = lockFilePath(absolute);
  mkdirSync(path.dirname(file), { recursive: true });
  const me: LockOwner = {
    pid: process.pid,
    hostname: os.hostname(),
    command: process.argv.slice(1, 3).map((a) => path.basename(a)).join(" "),
    startedAt: new Date().toISOString(),
  };

  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, "wx");
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      const lock: DirectoryLock = {
        path: file,
        release() {
          if (!held.has(absolute)) return;
          held.delete(absolute);
          if (readOwner(file)?.pid === process.pid) unlinkSync(file);
        },
      };
      held.set(absolute, lock);
      process.once("exit", () => lock.release());
      return lock;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const owner = readOwner(file);
    if (owner && (owner.hostname !== os.hostname() || isRunning(owner.pid))) {
      throw new DirectoryLockedError(absolute, owner);
    }
    // Stale (or half-written) lock: move it aside atomically, so only one of several racing
    // processes takes it over, then try to create ours again.
    try {
      renameSync(file, `${file}.stale-${process.pid}`);
      unlinkSync(`${file}.stale-${process.pid}`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }
  const owner = readOwner(file);
  if (owner) throw new DirectoryLockedError(absolute, owner);
  throw new Error(`Could not lock the embedded database directory ${absolute} (lock file ${file}).`);
}
