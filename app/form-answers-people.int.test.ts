import { formAnswersForThisFile } from "./form-answers.harness";
import { describe, expect, it } from "vitest";

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
        studies: "Fields of study: the end year comes before the start year; please check the years.",
      },
      values: { email: "not-an-email", phone: "call me" },
    });
    const maria = await f.personIdOf("maria@makerspace.local");
    const updated = await f.call("app/(admin)/admin/people/actions.ts#updatePersonAction", { personId: String(maria), firstName: "", email: "x@" });
    expect(updated).toMatchObject({
      ok: false,
      fieldErrors: { firstName: "First name: please fill this in.", email: "Email: please enter an email address." },
    });
  });
});
