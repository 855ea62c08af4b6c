import { describe, expect, it } from "vitest";
import { encodeReply, isBackendOnlyTopic, parseRequest, parseRequestTopic, REPLY_BUDGET_BYTES } from "./protocol";

const json = (value: unknown) => Buffer.from(JSON.stringify(value));

describe("parseRequestTopic", () => {
  it.each([
    ["machine/1", { boardId: 1, replyTopic: "machine/1/reply" }],
    ["machine/999999", { boardId: 999999, replyTopic: "machine/999999/reply" }],
    ["machine/01", { boardId: 1, replyTopic: "machine/01/reply" }],
    ["machine/abc", null],
    ["machine/-1", null],
    ["machine/1.5", null],
    ["machine/1234567", null],
    ["machine/", null],
    ["machine/1/reply", null],
    ["other/1", null],
  ])("%s", (topic, expected) => {
    expect(parseRequestTopic(topic)).toEqual(expected);
  });
});

describe("isBackendOnlyTopic", () => {
  it.each([
    ["machine/1/reply", true],
    ["machine/abc/request", true],
    ["$SYS/broker/heartbeat", true],
    ["machine/1", false],
    ["machine/1/replyx", false],
    ["other/1/reply", false],
  ])("%s → %s", (topic, expected) => {
    expect(isBackendOnlyTopic(topic)).toBe(expected);
  });
});

describe("parseRequest", () => {
  it("accepts the firmware's messages, including its spacing and uppercase uids", () => {
    expect(parseRequest(Buffer.from('{"action":"checkmachine"}'))).toEqual({ ok: true, request: { action: "checkmachine" } });
    expect(parseRequest(Buffer.from('{"action":"stopuse", "uid":"EFBEADDE","duration":3605}'))).toEqual({
      ok: true,
      request: { action: "stopuse", uid: "efbeadde", duration: 3605 },
    });
    expect(parseRequest(json({ action: "alive", version: "esp32,v1", ip: "192.168.1.57", heap: "183452" })).ok).toBe(true);
    expect(parseRequest(json({ action: "alive", version: "old" })).ok).toBe(true);
  });

  it.each([
    ["too_large", Buffer.from(JSON.stringify({ action: "alive", version: "x".repeat(1100) }))],
    ["not_json", Buffer.from("not json {")],
    ["not_json", Buffer.from([0xff, 0xfe, 0x00])],
    ["no_action", json([1, 2])],
    ["no_action", json("checkmachine")],
    ["no_action", json(null)],
    ["no_action", json({ uid: "efbeadde" })],
    ["unknown_action", json({ action: "selfdestruct" })],
    ["unknown_action", json({ action: "toString" })],
    ["unknown_action", json({ action: 42 })],
  ])("rejects %s", (reason, payload) => {
    expect(parseRequest(payload)).toEqual({ ok: false, reason });
  });

  it.each([
    ["checkuser", { action: "checkuser" }],
    ["checkuser", { action: "checkuser", uid: "xyz" }],
    ["stopuse", { action: "stopuse", uid: "efbeadde", duration: "95" }],
    ["inuse", { action: "inuse", uid: "efbeadde", duration: -1 }],
  ])("names the known action %s when its fields are wrong", (action, message) => {
    expect(parseRequest(json(message))).toEqual({ ok: false, reason: "invalid_fields", action });
  });
});

describe("encodeReply", () => {
  const reply = {
    request_ok: true,
    is_valid: true,
    maintenance: true,
    allowed: true,
    name: "LASER 1",
    logoff: 480,
    type: 2,
    grace: 2,
    description: "",
  };
  const size = (topic: string, payload: Buffer | null) => Buffer.byteLength(topic) + (payload?.byteLength ?? 0);

  it("leaves a reply that fits untouched", () => {
    expect(encodeReply("machine/1/reply", reply)?.toString()).toBe(JSON.stringify(reply));
  });

  it("shortens the listed fields, in order, until topic + payload is under the budget", () => {
    const topic = "machine/999999/reply";
    const long = { ...reply, name: "N".repeat(100), description: "Ä".repeat(150) };
    const payload = encodeReply(topic, long, { shrinkable: ["description", "name"] });
    expect(payload).not.toBeNull();
    // Ä is two bytes: the fit is exact to within one byte.
    expect(size(topic, payload)).toBeGreaterThanOrEqual(REPLY_BUDGET_BYTES - 2);
    expect(size(topic, payload)).toBeLessThan(REPLY_BUDGET_BYTES);
    const parsed = JSON.parse(payload!.toString());
    expect(parsed.name).toBe(long.name);
    expect(parsed.description).toMatch(/^Ä+$/);
  });

  it("empties an earlier field before touching the next", () => {
    const topic = "machine/1/reply";
    const payload = encodeReply(topic, { ...reply, name: "N".repeat(200), description: "D".repeat(50) }, { shrinkable: ["description", "name"] });
    const parsed = JSON.parse(payload!.toString());
    expect(parsed.description).toBe("");
    expect(parsed.name).toMatch(/^N+$/);
    expect(size(topic, payload)).toBe(REPLY_BUDGET_BYTES - 1);
  });

  it("counts JSON escapes and never splits a character", () => {
    const topic = "machine/1/reply";
    for (const text of ['"'.repeat(200), "🔥".repeat(100), "\u0001".repeat(100)]) {
      const payload = encodeReply(topic, { ...reply, description: text }, { shrinkable: ["description"] });
      expect(size(topic, payload)).toBeLessThan(REPLY_BUDGET_BYTES);
      const description: string = JSON.parse(payload!.toString()).description;
      expect(text.startsWith(description)).toBe(true);
      expect(description.length).toBeGreaterThan(0);
    }
  });

  it("gives up (null) rather than send a reply the board cannot hold", () => {
    expect(encodeReply("machine/1/reply", { ...reply, name: "N".repeat(300) })).toBeNull();
  });
});
