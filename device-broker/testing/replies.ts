import type { MqttClient } from "mqtt";
import { expect } from "vitest";
import { REPLY_BUDGET_BYTES } from "../protocol";
import { ask } from "./board-client";

/** Sends a request as a board and asserts the one reply, byte for byte, and that it fits the board's buffer. */
export async function expectReply(client: MqttClient, boardId: number, request: string | object, expected: string): Promise<void> {
  const payload = typeof request === "string" ? request : JSON.stringify(request);
  const replies = await ask(client, boardId, payload);
  expect(
    replies.map((r) => r.text),
    payload,
  ).toEqual([expected]);
  expect(Buffer.byteLength(replies[0]!.topic) + Buffer.byteLength(replies[0]!.text)).toBeLessThan(REPLY_BUDGET_BYTES);
}

/** True when the broker refused the subscription (SUBACK failure), however mqtt.js reports it. */
export async function subscribeRefused(client: MqttClient, topic: string): Promise<boolean> {
  try {
    const granted = await client.subscribeAsync(topic, { qos: 0 });
    return granted.every((g) => g.qos === 128);
  } catch {
    return true;
  }
}

/** Publishes and resolves once the broker has dropped the connection (how MQTT 3.1.1 refuses a QoS 0 publish). */
export async function publishRefused(client: MqttClient, topic: string, payload: string): Promise<void> {
  const closed = new Promise<void>((resolve) => client.once("close", () => resolve()));
  client.publish(topic, payload, { qos: 0 });
  await closed;
}

export { waitFor } from "@/lib/testing/wait-for";
