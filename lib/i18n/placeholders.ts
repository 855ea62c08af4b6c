import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";

/** The variables an ICU message uses ("name", "count:plural"), sorted; or why it does not parse. */
export function messageArguments(text: string): { ok: true; args: string[] } | { ok: false; error: string } {
  let ast: MessageFormatElement[];
  try {
    ast = parse(text, { ignoreTag: false });
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
  const found = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === TYPE.argument) found.add(el.value);
      else if (el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) found.add(`${el.value}:${TYPE[el.type]}`);
      else if (el.type === TYPE.plural || el.type === TYPE.select) {
        found.add(`${el.value}:${el.type === TYPE.plural ? "plural" : "select"}`);
        for (const option of Object.values(el.options)) walk(option.value);
      } else if (el.type === TYPE.tag) {
        found.add(`<${el.value}>`);
        walk(el.children);
      }
    }
  };
  walk(ast);
  return { ok: true, args: [...found].sort() };
}

/** Arguments as the caller must pass them: "count" whether the message uses it plainly or as a plural. */
export function argumentNames(args: readonly string[]): string[] {
  return [...new Set(args.filter((a) => !a.startsWith("<")).map((a) => a.split(":")[0] ?? a))].sort();
}
