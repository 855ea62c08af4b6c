import net from "node:net";
import { MqttClient } from "mqtt";
import { waitFor } from "@/lib/testing/wait-for";
import { settledMessagesOn, type SettledMessage } from "../settled-messages";
import { settledCountOn } from "./child-settled";

export interface ConnectOptions {
  /** Source address on loopback (127.x.y.z): another device on the Wi-Fi. Default 127.0.0.1. */
  from?: string;
  /** What `ask` announces in its `alive` before the first request on a board id (default serial "test-board"). */
  identity?: { serial?: string; ip?: string };
}

/** Per client: its broker's port, the board ids it announced, and how many publishes it sent through announce/ask. */
const identities = new WeakMap<MqttClient, { port: number; announced: Set<string>; identity: NonNullable<ConnectOptions["identity"]>; published: number }>();

/** Connects the way Fab-O-Matic firmware does: BOARD<n>, MQTT 3.1.1, clean session, keepalive 10 s, no will. */
export async function connectBoard(
  port: number,
  n: number | string,
  login?: { username: string; password: string },
  options: ConnectOptions = {},
): Promise<MqttClient> {
  const from = options.from ?? "127.0.0.1";
  const client = new MqttClient(() => net.createConnection({ host: "127.0.0.1", port, localAddress: from }), {
    clientId: typeof n === "number" ? `BOARD${n}` : n,
    ...login,
    protocolVersion: 4,
    clean: true,
    keepalive: 10,
    reconnectPeriod: 0,
    connectTimeout: 5_000,
  });
  identities.set(client, { port, announced: new Set(), identity: options.identity ?? { serial: "test-board" }, published: 0 });
  await new Promise<void>((resolve, reject) => {
    client.once("connect", () => resolve());
    client.once("error", reject);
    // Closed without a CONNACK (a connection cap, a timeout): refused as well.
    client.once("close", () => reject(new Error("connection closed before CONNACK")));
  });
  return client;
}

export interface Received {
  topic: string;
  text: string;
}

/** Records every message the client gets on `topic` from now on. */
export async function listen(client: MqttClient, topic: string): Promise<Received[]> {
  const received: Received[] = [];
  client.on("message", (t, payload) => {
    if (t === topic) received.push({ topic: t, text: payload.toString("utf8") });
  });
  await client.subscribeAsync(topic, { qos: 0 });
  return received;
}

/** Waits until `received` holds at least `count` messages; after `timeoutMs` it returns what came (the caller checks). */
export async function settle(received: Received[], count: number, { timeoutMs = 10_000 } = {}): Promise<Received[]> {
  await waitFor(`${count} messages`, () => received.length >= count, timeoutMs).catch(() => {});
  return [...received];
}

/**
 * Resolves once the embedded broker has done with the client's next publish of `payload` on `topic` (refused, or
 * handled and its reply, if any, published: settled-messages.ts), in this process or in a broker child process
 * (child-settled.ts); null when the broker on the client's port is external.
 */
export function settledByBroker(client: MqttClient, topic: string, payload: string | Buffer): Promise<void> | null {
  const known = identities.get(client);
  const port = known?.port;
  const messages = port === undefined ? undefined : settledMessagesOn(port);
  if (!messages) {
    // A broker in a child process (broker-process.ts): it counts what it settled of this client, and every publish
    // of the client went through announce/ask, so this one is settled when the count reaches what was sent.
    const count = port === undefined ? undefined : settledCountOn(port);
    return count ? count(client.options.clientId!, known!.published + 1) : null;
  }
  const bytes = Buffer.from(payload);
  const clientId = client.options.clientId;
  return new Promise((resolve) => {
    const onSettled = (m: SettledMessage) => {
      if (m.clientId !== clientId || m.topic !== topic || !m.payload.equals(bytes)) return;
      messages.off("settled", onSettled);
      resolve();
    };
    messages.on("settled", onSettled);
  });
}

/**
 * A round trip on the client's connection: every packet the broker wrote to it before (a reply) has arrived when it
 * resolves. UNSUBSCRIBE of a topic nobody uses asks no policy; a connection that closes meanwhile ends it too.
 */
export async function roundTrip(client: MqttClient): Promise<void> {
  await unlessClosed(
    client,
    client.unsubscribeAsync("test/round-trip").catch(() => {}),
  );
}

/** Waits for `work`, or for the client's connection to close (at once if it is closed). */
export async function unlessClosed(client: MqttClient, work: Promise<unknown>): Promise<void> {
  if (!client.connected) return;
  let onClose = () => {};
  const closed = new Promise<void>((resolve) => (onClose = resolve));
  client.once("close", onClose);
  try {
    await Promise.race([work, closed]);
  } finally {
    client.off("close", onClose);
  }
}

/**
 * The board announces itself on machine/<id> (`alive`, as the firmware does after every connect): pairs it in the
 * machine's pairing window, or makes it known as the paired board (pairing is by serial and source address).
 */
export async function announce(client: MqttClient, boardId: number | string, identity?: { serial?: string; ip?: string }): Promise<void> {
  const known = identities.get(client);
  const id = identity ?? known?.identity ?? { serial: "test-board" };
  await client.publishAsync(
    `machine/${boardId}`,
    JSON.stringify({ action: "alive", version: "test", ip: id.ip ?? "127.0.0.1", ...(id.serial ? { serial: id.serial } : {}) }),
    { qos: 0 },
  );
  if (known) {
    known.published++;
    known.announced.add(String(boardId));
  }
}

/**
 * Publishes a request as the board does (QoS 0) and returns every reply it got: once the broker has done with the
 * request (settledByBroker) and the connection has delivered what came before (roundTrip) — no fixed wait for a
 * reply that must not come. The first request on a board id is preceded by the board's `alive` (see announce), unless
 * the request is one itself.
 */
export async function ask(client: MqttClient, boardId: number | string, payload: string | Buffer, expected = 1): Promise<Received[]> {
  const known = identities.get(client);
  if (known && !known.announced.has(String(boardId)) && !payload.toString().includes('"alive"')) await announce(client, boardId);
  const topic = `machine/${boardId}/reply`;
  const replies: Received[] = [];
  const onMessage = (t: string, body: Buffer) => {
    if (t === topic) replies.push({ topic: t, text: body.toString("utf8") });
  };
  client.on("message", onMessage);
  try {
    await client.subscribeAsync(topic, { qos: 0 });
    const settled = settledByBroker(client, `machine/${boardId}`, payload);
    await client.publishAsync(`machine/${boardId}`, payload, { qos: 0 });
    if (known) known.published++;
    if (!settled) {
      // A broker that cannot tell (an external one, or main.ts run as the launcher runs it): the replies expected are
      // awaited — bounded for a stuck test only, a loaded machine can take seconds — and extra ones as far as a round
      // trip brings them.
      await settle(replies, expected, { timeoutMs: 30_000 });
      await roundTrip(client);
      return [...replies];
    }
    // A packet the broker's guard drops closes the connection instead: nothing was handled.
    await unlessClosed(client, settled);
    await roundTrip(client);
    return [...replies];
  } finally {
    client.off("message", onMessage);
  }
}
