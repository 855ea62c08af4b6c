import fs from "node:fs";
import path from "node:path";

export interface SpoolLogOptions {
  /** Refuse appends past this size (bytes), as a full disk would. Default: no limit but the disk's. */
  maxBytes?: number;
  /** fs.writeSync; tests inject short writes and ENOSPC. */
  write?: (fd: number, buffer: Buffer, offset: number, length: number) => number;
}

/** The record is not on disk (disk full, short write, I/O error): it must not be acknowledged. */
export class SpoolWriteError extends Error {
  code = "SPOOL_WRITE_FAILED";
}

/**
 * An append-only, fsync'd log of JSON lines under <dir>/events.jsonl. A record is on disk before append()
 * returns, so a reply sent after it survives a crash or kill -9. `drained` holds the byte offset up to which
 * records are committed to the database; the log is truncated only once everything in it is committed. A write
 * that fails part-way (ENOSPC, a short write) is cut off again and reported, so the file only ever ends in whole lines.
 */
export class SpoolLog<T> {
  private readonly fd: number;
  private readonly logPath: string;
  private readonly offsetPath: string;
  private readonly rejectedPath: string;
  private size: number;
  private readonly pending: { record: T; end: number }[] = [];

  private readonly write: NonNullable<SpoolLogOptions["write"]>;
  private readonly maxBytes: number;

  constructor(dir: string, options: SpoolLogOptions = {}) {
    this.write = options.write ?? ((fd, buffer, offset, length) => fs.writeSync(fd, buffer, offset, length));
    this.maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
    fs.mkdirSync(dir, { recursive: true });
    this.logPath = path.join(dir, "events.jsonl");
    this.offsetPath = path.join(dir, "drained");
    this.rejectedPath = path.join(dir, "rejected.jsonl");
    this.fd = fs.openSync(this.logPath, "a+");
    const text = fs.readFileSync(this.logPath);
    // A torn last line was never fsync'd, so never acknowledged: cut it so the next record starts on its own line.
    const whole = text.lastIndexOf(0x0a) + 1;
    if (whole < text.length) {
      fs.ftruncateSync(this.fd, whole);
      fs.fsyncSync(this.fd);
    }
    this.size = whole;
    let offset = this.readOffset();
    if (offset > whole) offset = 0; // truncated after the last drain, before the offset was reset
    let start = offset;
    for (let i = offset; i < whole; i++) {
      if (text[i] !== 0x0a) continue;
      const line = text.subarray(start, i).toString("utf8");
      if (line.trim()) {
        try {
          this.pending.push({ record: JSON.parse(line) as T, end: i + 1 });
        } catch {
          // Cannot happen short of disk corruption; keep the bytes for a human rather than refuse to start.
          fs.appendFileSync(this.rejectedPath, `${JSON.stringify({ reason: "corrupt line", line })}\n`);
        }
      }
      start = i + 1;
    }
  }

  get depth(): number {
    return this.pending.length;
  }

  /** Durable before it returns (every byte written, then fsync); throws SpoolWriteError and leaves no partial line. */
  append(record: T): void {
    const bytes = Buffer.from(`${JSON.stringify(record)}\n`);
    if (this.size + bytes.length > this.maxBytes) throw new SpoolWriteError(`spool full (${this.maxBytes} bytes)`);
    try {
      let written = 0;
      while (written < bytes.length) {
        const n = this.write(this.fd, bytes, written, bytes.length - written);
        if (!(n > 0)) throw new Error("write wrote nothing");
        written += n;
      }
      fs.fsyncSync(this.fd);
    } catch (error) {
      try {
        fs.ftruncateSync(this.fd, this.size);
      } catch {
        // The next start cuts a torn last line anyway (it was never acknowledged).
      }
      throw new SpoolWriteError(`spool write failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    this.size += bytes.length;
    this.pending.push({ record, end: this.size });
  }

  /** The oldest `n` records, oldest first (fewer when fewer are pending). */
  oldest(n: number): T[] {
    return this.pending.slice(0, n).map((p) => p.record);
  }

  /**
   * The oldest `n` records are committed: move the drained mark past them (one write however many), truncating the
   * log once it is all drained.
   */
  commit(n = 1): void {
    const done = this.pending.splice(0, n).at(-1);
    if (!done) return;
    if (this.pending.length === 0) {
      fs.ftruncateSync(this.fd, 0);
      fs.fsyncSync(this.fd);
      this.size = 0;
      this.writeOffset(0);
    } else {
      this.writeOffset(done.end);
    }
  }

  /** Sets aside the oldest record the database refuses outright (kept for a human), then commits past it. */
  reject(reason: string): void {
    const record = this.pending[0]?.record;
    if (record === undefined) return;
    const fd = fs.openSync(this.rejectedPath, "a");
    try {
      fs.writeSync(fd, `${JSON.stringify({ reason, record })}\n`);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    this.commit();
  }

  close(): void {
    fs.closeSync(this.fd);
  }

  private readOffset(): number {
    try {
      const n = Number(fs.readFileSync(this.offsetPath, "utf8").trim());
      return Number.isSafeInteger(n) && n >= 0 ? n : 0;
    } catch {
      return 0;
    }
  }

  // Written to a temporary file and renamed: the mark is either the old or the new offset, never half of one.
  private writeOffset(offset: number): void {
    const tmp = `${this.offsetPath}.tmp`;
    const fd = fs.openSync(tmp, "w");
    try {
      fs.writeSync(fd, String(offset));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, this.offsetPath);
  }
}
