import fs from "node:fs";

/**
 * A process's resident memory by kind, from /proc/PID/smaps (Linux): bench:memory prints it per process so a growth
 * can be placed. `wasm`: WebAssembly memories (PGlite's: a read-write mapping followed by the inaccessible rest of
 * its 8 GB reservation); `brk`: the brk heap ([heap]: malloc's main arena: blocks under its mmap threshold); `other`: the rest —
 * the V8 heap, code, mapped files, and the C heap that is not brk (malloc's other arenas and its mmapped large blocks,
 * such as big Buffers), which smaps does not tell apart from other anonymous mappings.
 */
export interface MemoryParts {
  wasm: number;
  brk: number;
  other: number;
}

const WASM_RESERVATION = 8 * 1024 ** 3;

export function memoryParts(pid: number): MemoryParts | null {
  let text: string;
  try {
    text = fs.readFileSync(`/proc/${pid}/smaps`, "utf8");
  } catch {
    return null;
  }
  const maps: { size: number; perms: string; name: string; rss: number }[] = [];
  for (const line of text.split("\n")) {
    const head = /^([0-9a-f]+)-([0-9a-f]+) (\S+) \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (head) maps.push({ size: parseInt(head[2]!, 16) - parseInt(head[1]!, 16), perms: head[3]!, name: head[4]!, rss: 0 });
    else if (line.startsWith("Rss:") && maps.length) maps.at(-1)!.rss = Number(/(\d+)/.exec(line)![1]) * 1024;
  }
  const parts: MemoryParts = { wasm: 0, brk: 0, other: 0 };
  maps.forEach((m, i) => {
    const next = maps[i + 1];
    if (m.perms === "rw-p" && !m.name && next?.perms === "---p" && m.size + next.size === WASM_RESERVATION) parts.wasm += m.rss;
    else if (m.name === "[heap]") parts.brk += m.rss;
    else parts.other += m.rss;
  });
  return parts;
}
