import mqtt, { type MqttClient } from "mqtt";

/** Connects the way Fab-O-Matic firmware does: BOARD<n>, MQTT 3.1.1, clean session, keepalive 10 s, no will. */
export async function connectBoard(port: number, n: number, login?: { username: string; password: string }): Promise<MqttClient> {
  const client = mqtt.connect(`mqtt://127.0.0.1:${port}`, {
    clientId: `BOARD${n}`,
    ...login,
    protocolVersion: 4,
    clean: true,
    keepalive: 10,
    reconnectPeriod: 0,
    connectTimeout: 5_000,
  });
  await new Promise<void>((resolve, reject) => {
    client.once("connect", () => resolve());
    client.once("error", reject);
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

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `received` holds at least `count` messages, then a little longer to catch any extra ones. */
export async function settle(received: Received[], count: number, { timeoutMs = 2_000, extraMs = 200 } = {}): Promise<Received[]> {
  const deadline = Date.now() + timeoutMs;
  while (received.length < count && Date.now() < deadline) await sleep(5);
  await sleep(extraMs);
  return [...received];
}

/** Publishes a request as the board does (QoS 0) and returns every reply seen within the settle time. */
export async function ask(client: MqttClient, boardId: number | string, payload: string | Buffer, expected = 1): Promise<Received[]> {
  const topic = `machine/${boardId}/reply`;
  const replies: Received[] = [];
  const onMessage = (t: string, body: Buffer) => {
    if (t === topic) replies.push({ topic: t, text: body.toString("utf8") });
  };
  client.on("message", onMessage);
  try {
    await client.subscribeAsync(topic, { qos: 0 });
    await client.publishAsync(`machine/${boardId}`, payload, { qos: 0 });
    return await settle(replies, expected);
  } finally {
    client.off("message", onMessage);
  }
}
