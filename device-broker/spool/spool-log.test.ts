import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { isDatabaseAway, isUnavailable } from "./events";
import { SpoolLog, SpoolWriteError } from "./spool-log";

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "spool-log-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe("SpoolLog", () => {
  it("keeps appended records across a reopen (a crash) and resumes after the drained mark", () => {
    const dir = tempDir();
    const log = new SpoolLog<{ n: number }>(dir);
    [1, 2, 3].forEach((n) => log.append({ n }));
    log.commit(); // 1 is in the database
    log.close();
    const again = new SpoolLog<{ n: number }>(dir);
    expect(again.depth).toBe(2);
    expect(again.oldest(2)).toEqual([{ n: 2 }, { n: 3 }]);
    again.commit();
    again.commit();
    expect(again.depth).toBe(0);
    expect(fs.statSync(path.join(dir, "events.jsonl")).size).toBe(0);
    again.close();
    expect(new SpoolLog(dir).depth).toBe(0);
  });

  it("cuts a torn last line (never acknowledged) and appends cleanly after it", () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "events.jsonl"), '{"n":1}\n{"n":');
    const log = new SpoolLog<{ n: number }>(dir);
    expect(log.depth).toBe(1);
    log.append({ n: 2 });
    log.close();
    expect(fs.readFileSync(path.join(dir, "events.jsonl"), "utf8")).toBe('{"n":1}\n{"n":2}\n');
  });

  it("skips a torn tail (a write cut at a disk block) and keeps every line before it", () => {
    const dir = tempDir();
    const whole = [1, 2, 3].map((n) => `${JSON.stringify({ n, pad: "x".repeat(1350) })}\n`).join("");
    fs.writeFileSync(path.join(dir, "events.jsonl"), `${whole}{"k`.padEnd(4096, " ").slice(0, Math.max(whole.length + 3, 4096)));
    const log = new SpoolLog<{ n: number }>(dir);
    expect(log.depth).toBe(3);
    expect(fs.readFileSync(path.join(dir, "events.jsonl"), "utf8")).toBe(whole);
    [1, 2, 3].forEach((n) => {
      expect(log.oldest(1)).toMatchObject([{ n }]);
      log.commit();
    });
    log.close();
  });

  it("never keeps part of a record: a short write then ENOSPC is cut off and reported, the lines before stay", () => {
    const dir = tempDir();
    let failing = false;
    const write = (fd: number, buffer: Buffer, offset: number, length: number) => {
      if (!failing) return fs.writeSync(fd, buffer, offset, length);
      if (offset === 0) return fs.writeSync(fd, buffer, 0, 3); // a short write: the disk took 3 bytes
      throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    };
    const log = new SpoolLog<{ n: number }>(dir, { write });
    log.append({ n: 1 });
    failing = true;
    expect(() => log.append({ n: 2 })).toThrow(SpoolWriteError);
    expect(log.depth).toBe(1);
    expect(fs.readFileSync(path.join(dir, "events.jsonl"), "utf8")).toBe('{"n":1}\n');
    failing = false;
    log.append({ n: 3 });
    log.close();
    expect(fs.readFileSync(path.join(dir, "events.jsonl"), "utf8")).toBe('{"n":1}\n{"n":3}\n');
    expect(new SpoolLog(dir).depth).toBe(2);
  });

  it("refuses records past its size limit (a size-limited file), keeping what it holds", () => {
    const dir = tempDir();
    const log = new SpoolLog<{ n: number }>(dir, { maxBytes: 16 });
    log.append({ n: 1 });
    log.append({ n: 2 });
    expect(() => log.append({ n: 3 })).toThrow(SpoolWriteError);
    expect(log.depth).toBe(2);
    log.commit();
    log.commit(); // drained: the file is empty again and takes records
    log.append({ n: 4 });
    expect(log.oldest(1)).toEqual([{ n: 4 }]);
    log.close();
  });

  it("sets a refused record aside in rejected.jsonl and moves on", () => {
    const dir = tempDir();
    const log = new SpoolLog<{ n: number }>(dir);
    log.append({ n: 1 });
    log.append({ n: 2 });
    log.reject("constraint");
    expect(log.oldest(1)).toEqual([{ n: 2 }]);
    expect(JSON.parse(fs.readFileSync(path.join(dir, "rejected.jsonl"), "utf8"))).toEqual({ reason: "constraint", record: { n: 1 } });
    log.close();
  });
});

describe("a batch of the oldest", () => {
  it("gives the oldest records in order and commits several with one move of the mark", () => {
    const dir = tempDir();
    const log = new SpoolLog<{ n: number }>(dir);
    for (let n = 1; n <= 5; n++) log.append({ n });
    expect(log.oldest(3)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    log.commit(3);
    expect(log.oldest(10)).toEqual([{ n: 4 }, { n: 5 }]);
    log.close();
    // A broker started again goes on after the three committed.
    const again = new SpoolLog<{ n: number }>(dir);
    expect(again.oldest(10)).toEqual([{ n: 4 }, { n: 5 }]);
    again.commit(2);
    expect(again.depth).toBe(0);
    again.close();
    const empty = new SpoolLog<{ n: number }>(dir);
    expect(empty.depth).toBe(0);
    empty.close();
  });
});

describe("isUnavailable", () => {
  it.each([
    [{ code: "ECONNREFUSED" }, true],
    [{ message: "Failed query", cause: { code: "CONNECTION_CLOSED" } }, true],
    [{ cause: { code: "57P01" } }, true],
    [{ cause: { code: "08006" } }, true],
    [{ errors: [{ code: "ECONNREFUSED" }] }, true],
    [{ cause: { code: "23505" } }, false],
    [new Error("machine 9 does not exist"), false],
    [{ message: "Failed query", cause: { code: "57014" } }, true], // cancelled: tried again later it goes through
    // A lost race with another writer (e.g. an admin closing the session): tried again later, never set aside.
    [{ cause: { code: "40001" } }, true],
    [{ cause: { code: "40P01" } }, true],
    [{ cause: { code: "55P03" } }, true],
  ])("%j → %s", (error, expected) => {
    expect(isUnavailable(error)).toBe(expected);
  });
});

describe("isDatabaseAway", () => {
  it.each([
    [{ code: "ECONNREFUSED" }, true],
    [{ code: "WRITE_TIMEOUT" }, true], // a bounded attempt that gave up
    [{ cause: { code: "57P01" } }, true],
    [{ message: "Failed query", cause: { code: "57014" } }, false], // a statement cancelled: the database answered
    [{ cause: { code: "40P01" } }, false], // a deadlock: the database answered
    [{ cause: { code: "23505" } }, false],
  ])("%j → %s", (error, expected) => {
    expect(isDatabaseAway(error)).toBe(expected);
  });
});
