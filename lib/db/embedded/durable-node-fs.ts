import fs from "node:fs";
import path from "node:path";
import { NodeFS } from "@electric-sql/pglite/nodefs";
import { syncPath } from "@/lib/fs/sync-path";

/** The parts of Emscripten's file system object this reaches into (PGlite's `Module.FS`). */
export interface EmscriptenFsWithNode {
  filesystems?: { NODEFS?: { stream_ops?: Record<string, unknown>; convertNodeCode?: (error: unknown) => number | undefined } };
  ErrnoError: new (errno: number) => Error;
}

/** Emscripten's EIO: what a failed fsync is told as when Node's code has no errno of its own there. */
const EMSCRIPTEN_EIO = 29;
interface NodeStream {
  nfd?: number;
}

/**
 * PGlite's on-disk file system with a working fsync. PGlite starts PostgreSQL with `-F` (fsync off), and its node
 * file system (Emscripten's NODEFS) has no fsync operation, so even with fsync on every `fsync()` PostgreSQL makes
 * (the WAL at each commit, the data files at each checkpoint, the folders after a rename) did nothing: a power cut
 * could lose any commit and leave data files that no WAL mends. Here the operation is added before the database
 * starts, and `embeddedStartParams` turns fsync back on. (`fdatasync()` stays a no-op in PGlite's build, hence
 * `wal_sync_method=fsync`.)
 */
export class DurableNodeFS extends NodeFS {
  override async init(...args: Parameters<NodeFS["init"]>): ReturnType<NodeFS["init"]> {
    const opened = await super.init(...args);
    const options = opened.emscriptenOpts as { preRun?: Array<(mod: { FS: EmscriptenFsWithNode }) => void> };
    options.preRun = [(mod) => addFsync(mod.FS), ...(options.preRun ?? [])];
    return opened;
  }
}

export function addFsync(emscriptenFs: EmscriptenFsWithNode): void {
  const nodeFs = emscriptenFs.filesystems?.NODEFS;
  const streamOps = nodeFs?.stream_ops;
  // A PGlite upgrade that moved these must not leave the database silently without fsync.
  if (!streamOps) throw new Error("PGlite's node file system was not found: the embedded database cannot be made durable with this PGlite version.");
  streamOps.fsync = (stream: NodeStream) => {
    if (stream.nfd === undefined) return 0;
    try {
      fs.fsyncSync(stream.nfd);
    } catch (error) {
      // As an errno (EIO, ENOSPC), so PostgreSQL's fsync() fails and it PANICs in order (its data stays as the WAL
      // has it); anything else thrown out of the WASM module's syscall aborts the module instead.
      throw new emscriptenFs.ErrnoError(nodeFs?.convertNodeCode?.(error) ?? EMSCRIPTEN_EIO);
    }
    return 0;
  };
}

/**
 * Every file and folder under `dir` on disk (fsync), `dir` itself last, and each made private (0600/0700: PGlite's
 * initdb sets its files 0666 whatever the umask). For a database PostgreSQL did not sync itself: what initdb wrote.
 */
export function syncTree(dir: string): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) syncTree(full);
    else if (entry.isFile()) syncPath(full, 0o600);
  }
  syncPath(dir, 0o700);
}
