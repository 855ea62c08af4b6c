import { formAnswersForThisFile, root } from "./form-answers.harness";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ActionResult } from "@/lib/web/action-result";

/* What the people's forms answer: a card assigned, a sign-up, a person's profile (harness: form-answers.harness.ts). */

const f = formAnswersForThisFile();

describe("the people's forms explain", () => {
  it("a card assigned: the answer names the card and the person it went to", async () => {
    const maria = await f.personIdOf("maria@makerspace.local");
    const answer = await f.call("app/(admin)/admin/cards/actions.ts#registerCardAction", { personId: `person:${maria}`, uid: "0A0B0C0D" });
    expect(answer).toEqual({ ok: true, message: "Card 0a0b0c0d registered to Maria Huber." });
  });

  it("sign-up: every wrong field named by its label, all at once, what was typed kept (never the password)", async () => {
    const answer = await f.as(null, () =>
      f.call("app/(public)/signup/actions.ts#signUpAction", {
        firstName: " ",
        lastName: "Huber",
        email: "maria.at.example",
        password: "short",
        preferredLanguage: "de",
      }),
    );
    expect(answer).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: {
        firstName: "First name: please fill this in.",
        email: "Email: please enter an email address.",
        password: expect.stringMatching(/^Password: at least \d+ characters, please\.$/),
      },
      values: { lastName: "Huber", email: "maria.at.example" },
    });
    expect(answer.ok ? {} : answer.values).not.toHaveProperty("password");
  });

  it("a person's profile: every wrong field named by its label beside it, all at once, what was typed kept", async () => {
    const typed = {
      statusId: "1",
      firstName: " ",
      email: "not-an-email",
      phone: "call me",
      "study.field": "Physics",
      "study.start": "2020",
      "study.end": "2010",
    };
    const answer = await f.call("app/(admin)/admin/people/actions.ts#createPersonAction", typed);
    expect(answer).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: {
        firstName: "First name: please fill this in.",
        email: "Email: please enter an email address.",
        phone: "Phone: this is not in the expected form.",
        "study-end-0": "End year (study 1): it comes before the start year; please check the years.",
      },
      values: { email: "not-an-email", phone: "call me" },
    });
    expect(answer.ok ? {} : answer.fieldErrors).not.toHaveProperty("studies");
    const maria = await f.personIdOf("maria@makerspace.local");
    const updated = await f.call("app/(admin)/admin/people/actions.ts#updatePersonAction", { personId: String(maria), firstName: "", email: "x@" });
    expect(updated).toMatchObject({
      ok: false,
      fieldErrors: { firstName: "First name: please fill this in.", email: "Email: please enter an email address." },
    });
  });

  it("a study line's wrong years are named beside that line's own field, as the form numbers its lines", async () => {
    // Three lines as the form sends them: the first one emptied (it goes), the third with its years the wrong way round.
    const lines: [string, string][] = [
      ["firstName", "Maria"],
      ["lastName", "Huber"],
      ["study.field", ""],
      ["study.start", "2001"],
      ["study.end", ""],
      ["study.field", "Physics"],
      ["study.start", "2015"],
      ["study.end", "2019"],
      ["study.field", "Design"],
      ["study.start", "2022"],
      ["study.end", "2020"],
    ];
    const formOf = (entries: [string, string][]) => {
      const form = new FormData();
      for (const [key, value] of entries) form.append(key, value);
      return form;
    };
    const form = formOf(lines);
    const action = async (file: string, name: string) =>
      ((await import(/* @vite-ignore */ path.join(root, file))) as Record<string, (...args: unknown[]) => Promise<ActionResult>>)[name]!;
    const line3 = "End year (study 3): it comes before the start year; please check the years.";
    // One's own profile and the admin's person form: the same reading (people-forms.ts, the partner's form too).
    const member = await f.personIdOf("member@makerspace.local");
    const own = await f.as(member, async () => (await action("app/(member)/profile/actions.ts", "updateOwnProfileAction"))(null, form));
    expect(own).toEqual(expect.objectContaining({ ok: false, code: "invalid", message: line3, fieldErrors: { "study-end-2": line3 } }));
    const maria = await f.personIdOf("maria@makerspace.local");
    form.set("personId", String(maria));
    const admin = await (await action("app/(admin)/admin/people/actions.ts", "updatePersonAction"))(null, form);
    expect(admin).toMatchObject({ ok: false, fieldErrors: { "study-end-2": line3 } });
    // The years the right way round: nothing is said about them any more.
    const fixed = await (
      await action("app/(admin)/admin/people/actions.ts", "updatePersonAction")
    )(null, formOf([...lines.slice(0, -1), ["study.end", "2023"], ["personId", String(maria)]]));
    expect(fixed.ok ? {} : (fixed.fieldErrors ?? {})).not.toHaveProperty("study-end-2");
  });
});
