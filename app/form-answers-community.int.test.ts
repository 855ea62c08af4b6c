import { formAnswersForThisFile } from "./form-answers.harness";
import { describe, expect, it } from "vitest";

/*
 * What the community's and the connected services' forms answer: news, the open status, sensors, polls and votes,
 * webhooks, SSO clients (harness: form-answers.harness.ts).
 */

const f = formAnswersForThisFile();

describe("the community's forms explain", () => {
  it("a news post without title and text: both named by their labels at once", async () => {
    const answer = await f.call("app/(admin)/admin/news/actions.ts#createNewsAction", { title: " ", body: "" });
    expect(answer).toMatchObject({ ok: false, code: "invalid", fieldErrors: { title: "Title: please fill this in.", body: "Text: please fill this in." } });
  });

  it("the open status: a message too long is named by its label beside it, what was typed kept", async () => {
    const long = "x".repeat(201);
    const answer = await f.call("app/(public)/start-actions.ts#setOpenStatusAction", { open: "true", message: long });
    expect(answer).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { message: "Message (optional): at most 200 characters, please." },
      values: { message: long },
    });
  });

  it("a sensor without a name: named by its label beside it", async () => {
    const answer = await f.call("app/(admin)/admin/sensors/actions.ts#createSensorAction", { name: "  " });
    expect(answer).toMatchObject({ ok: false, code: "invalid", fieldErrors: { name: "Sensor name: please fill this in." } });
  });

  it("a poll: every wrong field named by its label, all at once, what was typed kept", async () => {
    const answer = await f.call("app/(member)/polls/actions.ts#createPollAction", {
      question: " ",
      description: "",
      options: "Yes\nyes",
      choice: "single",
      maxChoices: "1",
      opensAt: "2030-01-02T10:00",
      closesAt: "2030-01-01T10:00",
      resultsVisible: "after_vote",
    });
    expect(answer).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { question: "Question: please fill this in.", options: "Options (one per line): two options are the same." },
      values: { options: "Yes\nyes" },
    });
  });

  it("a vote without a choice: the choice named beside it", async () => {
    const answer = await f.call("app/(member)/polls/actions.ts#voteAction", { pollId: "1" });
    expect(answer).toMatchObject({ ok: false, code: "invalid", fieldErrors: { optionIds: "Your choice: choose at least one option, please." } });
  });
});

describe("the connected services' forms explain", () => {
  it("a webhook: a wrong address and no event named by their labels at once, what was typed kept", async () => {
    const answer = await f.call("app/(admin)/admin/webhooks/actions.ts#createWebhookAction", { url: "ftp://example.org/hook", description: "Board" });
    expect(answer).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { url: "Address (https://…): an address starting with http:// or https://, please.", events: "Events: please fill this in." },
      values: { url: "ftp://example.org/hook", description: "Board" },
    });
  });

  it("an SSO client: a wrong redirect address and no name named by their labels at once, what was typed kept", async () => {
    const typed = { kind: "confidential", postLogoutRedirectUris: "", backchannelLogoutUri: "", requiredPermission: "" };
    const answer = await f.call("app/(admin)/admin/sso/actions.ts#createOidcClientAction", {
      ...typed,
      name: " ",
      redirectUris: "https://wiki.example.org/cb#top",
    });
    expect(answer).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: {
        name: "Name (shown to members): please fill this in.",
        redirectUris: "Redirect addresses (one per line, exactly as the service sends them): no #fragment in a redirect address, please.",
      },
      values: { redirectUris: "https://wiki.example.org/cb#top" },
    });
    const saved = await f.call("app/(admin)/admin/sso/actions.ts#createOidcClientAction", {
      ...typed,
      name: "Wiki",
      redirectUris: "https://wiki.example.org/cb",
    });
    expect(saved).toMatchObject({ ok: true });
  });
});
