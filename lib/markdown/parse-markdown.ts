/**
 * A deliberately small Markdown subset for member-written text (event descriptions): paragraphs, emphasis, strong,
 * inline code, fenced code blocks, bullet and numbered lists, links. The result is a tree of plain data that a
 * renderer turns into elements; there is no HTML pass-through, so raw HTML in the input stays literal text.
 */
export type Inline =
  | { type: "text"; value: string }
  | { type: "break" }
  | { type: "code"; value: string }
  | { type: "em" | "strong"; children: Inline[] }
  | { type: "link"; href: string; children: Inline[] };

export type Block = { type: "paragraph"; children: Inline[] } | { type: "code"; value: string } | { type: "list"; ordered: boolean; items: Inline[][] };

const ALLOWED_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);

/** The URL if it is absolute http(s) or mailto, else null (javascript:, data:, relative and malformed ones). */
export function safeHref(raw: string): string | null {
  const trimmed = raw.trim();
  // Browsers drop control characters and whitespace inside schemes ("java\tscript:"); refuse such input outright.
  if (/[\u0000-\u001f\u007f\s]/.test(trimmed)) return null;
  try {
    const url = new URL(trimmed);
    return ALLOWED_PROTOCOLS.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const NUMBERED = /^\s{0,3}\d{1,9}[.)]\s+(.*)$/;
const FENCE = /^\s{0,3}```/;

export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) blocks.push({ type: "paragraph", children: parseInline(paragraph.join("\n")) });
    paragraph = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (FENCE.test(line)) {
      flush();
      const body: string[] = [];
      for (i++; i < lines.length && !FENCE.test(lines[i]!); i++) body.push(lines[i]!);
      blocks.push({ type: "code", value: body.join("\n") });
      continue;
    }
    if (!line.trim()) {
      flush();
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    if (bullet || numbered) {
      flush();
      const ordered = !!numbered;
      const pattern = ordered ? NUMBERED : BULLET;
      const items: string[] = [(bullet ?? numbered)![1]!];
      // Following items of the same kind, or indented continuation lines of the current item.
      while (i + 1 < lines.length) {
        const next = lines[i + 1]!;
        const item = pattern.exec(next);
        if (item) items.push(item[1]!);
        else if (/^\s+\S/.test(next) && !BULLET.test(next) && !NUMBERED.test(next)) items[items.length - 1] += `\n${next.trim()}`;
        else break;
        i++;
      }
      blocks.push({ type: "list", ordered, items: items.map(parseInline) });
      continue;
    }
    paragraph.push(line.trim());
  }
  flush();
  return blocks;
}

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let buffer = "";
  const push = (node: Inline) => {
    if (buffer) out.push({ type: "text", value: buffer });
    buffer = "";
    out.push(node);
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === "\\" && i + 1 < text.length && /[\\`*_[\]()#+\-.!<>]/.test(text[i + 1]!)) {
      buffer += text[i + 1];
      i += 2;
      continue;
    }
    if (c === "\n") {
      push({ type: "break" });
      i++;
      continue;
    }
    if (c === "`") {
      const end = text.indexOf("`", i + 1);
      if (end > i + 1) {
        push({ type: "code", value: text.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
    }
    if ((c === "*" || c === "_") && text[i + 1] === c) {
      const end = text.indexOf(c + c, i + 2);
      if (end > i + 2) {
        push({ type: "strong", children: parseInline(text.slice(i + 2, end)) });
        i = end + 2;
        continue;
      }
    }
    if ((c === "*" || c === "_") && text[i + 1] && !/\s/.test(text[i + 1]!)) {
      const end = findClosingEmphasis(text, c, i + 1);
      if (end > 0) {
        push({ type: "em", children: parseInline(text.slice(i + 1, end)) });
        i = end + 1;
        continue;
      }
    }
    if (c === "[") {
      const link = matchLink(text, i);
      if (link) {
        const children = parseInline(link.label);
        const href = safeHref(link.url);
        // An unsafe target keeps its label as plain text: the reader still sees what was written, nothing is clickable.
        if (href) push({ type: "link", href, children });
        else for (const child of children) push(child);
        i = link.end;
        continue;
      }
    }
    buffer += c;
    i++;
  }
  if (buffer) out.push({ type: "text", value: buffer });
  return out;
}

function findClosingEmphasis(text: string, marker: string, from: number): number {
  for (let j = from + 1; j < text.length; j++) {
    if (text[j] === "\n" && text[j + 1] === "\n") return -1;
    if (text[j] === marker && text[j + 1] !== marker && !/\s/.test(text[j - 1]!)) return j;
  }
  return -1;
}

function matchLink(text: string, start: number): { label: string; url: string; end: number } | null {
  const close = text.indexOf("](", start + 1);
  if (close < 0 || text.slice(start + 1, close).includes("\n")) return null;
  const end = text.indexOf(")", close + 2);
  if (end < 0) return null;
  const url = text.slice(close + 2, end);
  if (url.includes("\n")) return null;
  return { label: text.slice(start + 1, close), url, end: end + 1 };
}
