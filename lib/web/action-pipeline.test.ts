import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { SessionPerson } from "@/lib/domain/auth/session-person";
import { translator } from "@/lib/i18n/translate";
import { createAction, type ActionDeps } from "./action-pipeline";

const member = { personId: 7, permissions: new Set(["directory.read"]) } as unknown as SessionPerson;
const manager = { personId: 8, permissions: new Set(["inventory.write"]) } as unknown as SessionPerson;

function deps(user: SessionPerson | null, locale: "en" | "de" = "en") {
  const revalidated: string[] = [];
  const d: ActionDeps = {
    currentUser: async () => user,
    translator: async () => translator(locale),
    db: () => ({}) as Db,
    revalidate: (path, type) => void revalidated.push(type ? `${path} (${type})` : path),
    redirect: (path) => {
      throw Object.assign(new Error("NEXT_REDIRECT"), { path });
    },
  };
  return { d, revalidated };
}

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
};

const locationInput = z.object({ name: z.string().trim().min(1).max(10), kind: z.enum(["room", "box"]), shelves: z.number().int().min(1).nullable() });
const labels = { name: "inv.location.name", kind: "inv.location.kind", shelves: "inv.thing.value" } as const;
const read = (f: FormData) => ({
  name: String(f.get("name") ?? ""),
  kind: String(f.get("kind") ?? ""),
  shelves: f.get("shelves") ? Number(f.get("shelves")) : null,
});

describe("the server-action pipeline", () => {
  it("refuses an anonymous caller before reading anything, keeping what was typed (never a password)", async () => {
    const run = vi.fn();
    const action = createAction({ caller: "user", input: locationInput, read, run, refusals: "inv.error" }, deps(null).d);
    const result = await action(null, form({ name: "Shelf", password: "secret" }));
    expect(result).toEqual({ ok: false, code: "unauthenticated", message: expect.stringContaining("log in again"), values: { name: "Shelf" } });
    expect(run).not.toHaveBeenCalled();
  });

  it("refuses a caller without the named permission; a user caller leaves that to the domain", async () => {
    const run = vi.fn(async () => ({ ok: true as const }));
    const spec = { input: locationInput, read, run, refusals: "inv.error" };
    expect(await createAction({ ...spec, caller: "inventory.write" }, deps(member).d)(null, form({ name: "A", kind: "box" }))).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(run).not.toHaveBeenCalled();
    expect(await createAction({ ...spec, caller: "inventory.write" }, deps(manager).d)(null, form({ name: "A", kind: "box" }))).toEqual({ ok: true });
    expect(await createAction({ ...spec, caller: "user" }, deps(member).d)(null, form({ name: "A", kind: "box" }))).toEqual({ ok: true });
  });

  it("names each bad field by its label, in the reader's language, and does not call the domain", async () => {
    const run = vi.fn();
    const spec = { caller: "user" as const, input: locationInput, read, labels, run, refusals: "inv.error" };
    const one = await createAction(spec, deps(manager).d)(null, form({ name: "  ", kind: "box" }));
    expect(one).toMatchObject({
      ok: false,
      code: "invalid",
      message: "Name: please fill this in.",
      fieldErrors: { name: "Name: please fill this in." },
      values: { name: "  ", kind: "box" },
    });
    const several = await createAction(spec, deps(manager).d)(null, form({ name: "far too long a name", kind: "castle", shelves: "x" }));
    expect(several).toMatchObject({
      message: "Please check the marked fields: Name, Kind, Value (€).",
      fieldErrors: {
        name: "Name: at most 10 characters, please.",
        kind: "Kind: please choose one of the options.",
        shelves: "Value (€): please enter a whole number.",
      },
    });
    const german = await createAction(spec, deps(manager, "de").d)(null, form({ name: "", kind: "box", shelves: "0" }));
    expect(german.ok ? {} : german.fieldErrors).toEqual({ name: "Name: Bitte ausfüllen.", shelves: "Wert (€): Bitte mindestens 1." });
    expect(run).not.toHaveBeenCalled();
  });

  it("hands the parsed input and the bound arguments to the domain; bad bound arguments are refused", async () => {
    const run = vi.fn(async () => ({ ok: true as const, message: "saved" }));
    const action = createAction(
      { caller: "user", input: locationInput, read, bound: z.tuple([z.number().int().positive()]), run, refusals: "inv.error" },
      deps(manager).d,
    );
    expect(await action(12, null, form({ name: " Box ", kind: "box", shelves: "3" }))).toEqual({ ok: true, message: "saved" });
    expect(run).toHaveBeenCalledWith(expect.objectContaining({ input: { name: "Box", kind: "box", shelves: 3 }, actor: manager }), 12);
    expect(await action(-1 as number, null, form({ name: "Box", kind: "box" }))).toMatchObject({ ok: false, message: expect.stringContaining("reload") });
    expect(run).toHaveBeenCalledTimes(1);
  });

  it("turns a domain refusal into the area's message, beside its field when the domain names one", async () => {
    const spec = { caller: "user" as const, input: locationInput, read, labels, refusals: "inv.error" };
    const cycle = createAction({ ...spec, run: async () => ({ ok: false as const, code: "location_cycle", message: "x" }) }, deps(manager).d);
    expect(await cycle(null, form({ name: "A", kind: "box" }))).toMatchObject({
      ok: false,
      code: "location_cycle",
      message: expect.stringContaining("inside itself"),
      values: { name: "A" },
    });
    expect(await cycle(null, form({ name: "A", kind: "box" }))).not.toHaveProperty("fieldErrors");
    const placed = createAction(
      { ...spec, refusalFields: { location_cycle: "parentId" }, run: async () => ({ ok: false as const, code: "location_cycle", message: "x" }) },
      deps(manager).d,
    );
    expect(await placed(null, form({ name: "A", kind: "box" }))).toMatchObject({ fieldErrors: { parentId: expect.stringContaining("inside itself") } });
    // A domain's "invalid" the form's schema let through: beside the field it names, by label; never "check your input".
    const named = createAction({ ...spec, run: async () => ({ ok: false as const, code: "invalid", message: "x", field: "name" }) }, deps(manager).d);
    expect(await named(null, form({ name: "A", kind: "box" }))).toMatchObject({
      message: "Name: please check this value.",
      fieldErrors: { name: "Name: please check this value." },
    });
    const unnamed = createAction({ ...spec, run: async () => ({ ok: false as const, code: "invalid", message: "x" }) }, deps(manager).d);
    expect(await unnamed(null, form({ name: "A", kind: "box" }))).toMatchObject({ message: "This page is out of date. Please reload it and try again." });
    const custom = createAction({ ...spec, run: async () => ({ ok: false as const, code: "x", message: "x" }), refusals: () => "own words" }, deps(manager).d);
    expect(await custom(null, form({ name: "A", kind: "box" }))).toMatchObject({ message: "own words" });
  });

  it("maps the database's refusals to clear messages and lets every other error through", async () => {
    const violation = (code: string, constraint_name: string) =>
      Object.assign(new Error("Failed query"), { cause: Object.assign(new Error("pg"), { code, constraint_name }) });
    const throwing = (error: unknown) =>
      createAction(
        {
          caller: "user",
          input: locationInput,
          read,
          labels,
          constraints: { locations_name_key: { field: "name", message: "form.error.uniqueField" } },
          run: async () => {
            throw error;
          },
          refusals: "inv.error",
        },
        deps(manager).d,
      );
    const ok = form({ name: "A", kind: "box" });
    expect(await throwing(violation("23505", "locations_name_key"))(null, ok)).toMatchObject({
      code: "unique",
      message: "Name: this is already taken.",
      fieldErrors: { name: "Name: this is already taken." },
    });
    expect(await throwing(violation("23505", "other_idx"))(null, ok)).toMatchObject({ code: "unique", message: expect.stringContaining("already exists") });
    expect(await throwing(violation("23503", "fk"))(null, ok)).toMatchObject({ code: "foreign_key", message: expect.stringContaining("no longer exists") });
    expect(await throwing(violation("23514", "ck"))(null, ok)).toMatchObject({ code: "check" });
    await expect(throwing(new Error("bug"))(null, ok)).rejects.toThrow("bug");
  });

  it("revalidates after success, then redirects; nothing is revalidated after a refusal", async () => {
    const { d, revalidated } = deps(manager);
    const spec = { caller: "user" as const, input: locationInput, read, revalidate: ["/things", ["/locations", "layout"]] as const, refusals: "inv.error" };
    await createAction({ ...spec, run: async () => ({ ok: false as const, code: "not_found", message: "" }) }, d)(null, form({ name: "A", kind: "box" }));
    expect(revalidated).toEqual([]);
    await expect(
      createAction({ ...spec, run: async () => ({ ok: true as const, redirect: "/locations/3" }) }, d)(null, form({ name: "A", kind: "box" })),
    ).rejects.toMatchObject({ path: "/locations/3" });
    expect(revalidated).toEqual(["/things", "/locations (layout)"]);
  });

  it("works for a plain <form action> too (formData only, no previous result)", async () => {
    const run = vi.fn(async () => ({ ok: true as const }));
    const action = createAction({ caller: "user", input: locationInput, read, bound: z.tuple([z.number()]), run, refusals: "inv.error" }, deps(manager).d);
    expect(await (action as unknown as (id: number, f: FormData) => Promise<unknown>)(5, form({ name: "A", kind: "box" }))).toEqual({ ok: true });
    expect(run).toHaveBeenCalledWith(expect.anything(), 5);
  });

  it("hands a new secret back once with the success; a schema's own message becomes the catalog's, naming the field", async () => {
    const made = createAction(
      { caller: "user", input: locationInput, read, run: async () => ({ ok: true as const, message: "Made.", secret: "s3cret" }), refusals: "inv.error" },
      deps(manager).d,
    );
    expect(await made(null, form({ name: "A", kind: "box" }))).toEqual({ ok: true, message: "Made.", secret: "s3cret" });
    const offered = z.object({ name: z.string(), kind: z.string() }).refine((v) => v.kind === v.name, { path: ["kind"], message: "notOffered" });
    const refused = createAction(
      {
        caller: "user",
        input: offered,
        labels,
        issueMessages: { notOffered: "form.error.choice" },
        run: async () => ({ ok: true as const }),
        refusals: "inv.error",
      },
      deps(manager).d,
    );
    const result = await refused(null, form({ name: "A", kind: "box" }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { kind: "Kind: please choose one of the options." } });
  });

  it("hands a group of checkboxes back as one comma-joined value", async () => {
    const f = form({ name: "" });
    f.append("languages", "en");
    f.append("languages", "de");
    const result = await createAction({ caller: "user", input: locationInput, read, run: vi.fn(), refusals: "inv.error" }, deps(manager).d)(null, f);
    expect(result).toMatchObject({ ok: false, values: { name: "", languages: "en,de" } });
  });

  it("hands typed data to the page with a success and with a refusal (an import's preview), and none when there is none", async () => {
    interface Preview {
      rows: number;
      bad: number[];
    }
    const previewing = (bad: number[]) =>
      createAction(
        {
          caller: "user",
          input: z.object({}),
          run: async (): Promise<{ ok: false; code: "rows"; message: string; data: Preview } | { ok: true; message: string; data: Preview }> =>
            bad.length ? { ok: false, code: "rows", message: "x", data: { rows: 3, bad } } : { ok: true, message: "Ready.", data: { rows: 3, bad } },
          refusals: (r, t) => t("peopleImport.hasErrors", { errors: r.data?.bad.length ?? 0, rows: r.data?.rows ?? 0 }),
        },
        deps(manager).d,
      );
    const ready = await previewing([])(null, form({ csv: "a" }));
    expect(ready).toEqual({ ok: true, message: "Ready.", data: { rows: 3, bad: [] } });
    const refused = await previewing([2])(null, form({ csv: "a" }));
    expect(refused).toMatchObject({ ok: false, code: "rows", data: { rows: 3, bad: [2] }, values: { csv: "a" } });
    expect(refused.message).toMatch(/1/);
    // The type says what data is: a page reads it without casting.
    const rows: number | undefined = refused.data?.rows;
    expect(rows).toBe(3);
    const plain = await createAction({ caller: "user", input: z.object({}), run: async () => ({ ok: true as const }), refusals: "inv.error" }, deps(manager).d)(
      null,
      form({}),
    );
    expect(plain).toEqual({ ok: true });
  });
});
