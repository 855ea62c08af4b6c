import fs from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { addFsync, type EmscriptenFsWithNode } from "./durable-node-fs";

// Emscripten's FS as PGlite's module has it, reduced to what addFsync reaches: the module's _fd_sync returns the errno
// of an FS.ErrnoError to PostgreSQL, and rethrows anything else (the WASM module aborts).
class ErrnoError extends Error {
  constructor(readonly errno: number) {
    super(`errno ${errno}`);
  }
}
const ERRNO = { EIO: 29, ENOSPC: 51 } as Record<string, number>;

function emscriptenFs(): EmscriptenFsWithNode & { filesystems: { NODEFS: { stream_ops: Record<string, unknown> } } } {
  return { filesystems: { NODEFS: { stream_ops: {}, convertNodeCode: (e) => ERRNO[(e as NodeJS.ErrnoException).code ?? ""] } }, ErrnoError };
}

function failingFsync(code: string | undefined): void {
  vi.spyOn(fs, "fsyncSync").mockImplementation(() => {
    throw Object.assign(new Error(`fsync failed: ${code}`), { code });
  });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the embedded database's fsync", () => {
  it("tells a failed fsync to PostgreSQL as an errno (ENOSPC, EIO), not as a Node error that aborts the module", () => {
    const emfs = emscriptenFs();
    addFsync(emfs);
    const fsync = emfs.filesystems.NODEFS.stream_ops.fsync as (stream: { nfd?: number }) => number;
    failingFsync("ENOSPC");
    expect(() => fsync({ nfd: 7 })).toThrow(expect.objectContaining({ errno: ERRNO.ENOSPC }));
    failingFsync("EIO");
    expect(() => fsync({ nfd: 7 })).toThrow(ErrnoError);
    // A code Emscripten has no errno for still reaches PostgreSQL as a failed fsync.
    failingFsync("EWEIRD");
    expect(() => fsync({ nfd: 7 })).toThrow(expect.objectContaining({ errno: ERRNO.EIO }));
  });

  it("syncs the file and answers 0 when the disk does", () => {
    const emfs = emscriptenFs();
    addFsync(emfs);
    const fsync = emfs.filesystems.NODEFS.stream_ops.fsync as (stream: { nfd?: number }) => number;
    const spy = vi.spyOn(fs, "fsyncSync").mockImplementation(() => undefined);
    expect(fsync({ nfd: 7 })).toBe(0);
    expect(spy).toHaveBeenCalledWith(7);
  });
});
