import { EventEmitter } from "node:events";
import net from "node:net";
import mqtt, { MqttClient } from "mqtt";

export type Json = Record<string, unknown>;

export interface LinkOptions {
  url: string;
  /** As configured on the board; the topics are machine/<id>, machine/<id>/reply, machine/<id>/request. */
  machineId: number | string;
  /** BOARD<n>; the firmware picks n in 0–999 at boot, so two boards can collide (as in real life). */
  clientNumber: number;
  username?: string;
  password?: string;
  replyTimeoutMs: number;
  /** Pause between connection attempts while the broker is unreachable. */
  reconnectMs: number;
  /** The board's own address (a loopback alias such as 127.0.1.7 in benchmarks): each board is its own device. */
  localAddress?: string;
}

export interface Exchange {
  request: Json;
  /** null: no answer within the timeout, or not connected (the firmware does not even try then). */
  reply: Json | null;
  ms: number;
  /** false: not published at all, the board being offline (a request only the board's own logic saw). */
  sent: boolean;
}

/**
 * The board's MQTT side as the firmware does it: one request at a time (there is no correlation id, the first
 * message on the reply topic is the answer), QoS 0, clean session, keepalive 10 s, nothing queued while offline.
 * Emits "connect" (after subscribing), "offline", "command" (a parsed remote request), "exchange", "unsolicited".
 * Online, as the firmware's `online` flag, only from the SUBACK on: the firmware connects, subscribes and announces
 * itself (`alive`, sent by the board on "connect") in one go, so no other request ever precedes a connection's alive.
 */
export class BoardLink extends EventEmitter {
  readonly requestTopic: string;
  readonly replyTopic: string;
  readonly commandTopic: string;
  /** Replies that arrived while no request was waiting: a backend answering twice or too late. */
  unsolicited = 0;
  private client: MqttClient | null = null;
  private waiting: ((text: string | null) => void) | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  /** Subscribed on the current connection (CONNACK alone is not online yet). */
  private online = false;
  /** The n of BOARD<n>: drawn at boot (SimulatedBoard.reboot), used from the next open() on. */
  clientNumber: number;

  constructor(private readonly options: LinkOptions) {
    super();
    this.clientNumber = options.clientNumber;
    this.requestTopic = `machine/${options.machineId}`;
    this.replyTopic = `${this.requestTopic}/reply`;
    this.commandTopic = `${this.requestTopic}/request`;
  }

  get clientId(): string {
    return `BOARD${this.clientNumber}`;
  }

  get connected(): boolean {
    return this.online && (this.client?.connected ?? false);
  }

  /** Starts connecting (and keeps retrying every reconnectMs); "connect" fires each time it succeeds. */
  open(): void {
    if (this.client) return;
    const o = this.options;
    const settings = {
      clientId: this.clientId,
      protocolVersion: 4 as const,
      clean: true,
      keepalive: 10,
      reconnectPeriod: o.reconnectMs,
      connectTimeout: 5_000,
      username: o.username,
      password: o.password,
      // The firmware neither queues QoS 0 publishes while offline nor relies on the client to resubscribe.
      queueQoSZero: false,
      resubscribe: false,
    };
    const url = new URL(o.url);
    const client = o.localAddress
      ? new MqttClient(() => net.createConnection({ host: url.hostname, port: Number(url.port) || 1883, localAddress: o.localAddress }), settings)
      : mqtt.connect(o.url, settings);
    this.client = client;
    client.on("connect", () => {
      client
        .subscribeAsync([this.replyTopic, this.commandTopic], { qos: 0 })
        .catch((error: unknown) => this.emit("warning", `subscribe failed: ${(error as Error).message}`))
        // The firmware does not look at the SUBACK: refused or not, it goes on with its boot.
        .then(() => {
          if (!client.connected || this.client !== client) return;
          this.online = true;
          this.emit("connect");
        });
    });
    client.on("close", () => {
      this.online = false;
      this.waiting?.(null); // the connection is gone: no answer can come any more
      this.emit("offline");
    });
    client.on("error", (error) => this.emit("warning", error.message));
    client.on("message", (topic, payload) => this.onMessage(topic, payload.toString("utf8")));
  }

  /** Drops the connection and stops retrying (power off, or the WiFi gone for a while). */
  async close(): Promise<void> {
    const client = this.client;
    this.client = null;
    this.online = false;
    this.waiting?.(null);
    if (client) await client.endAsync(true).catch(() => {});
  }

  /** Sends without waiting for anything (alive). */
  send(body: Json): boolean {
    if (!this.connected) return false;
    this.client!.publish(this.requestTopic, JSON.stringify(body), { qos: 0 });
    return true;
  }

  /** Publishes a request and takes the first message on the reply topic within the timeout as its answer. */
  request(body: Json): Promise<Exchange> {
    const run = () => this.exchange(body);
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => {});
    return result;
  }

  private async exchange(body: Json): Promise<Exchange> {
    const started = performance.now();
    const done = (reply: Json | null, sent = true): Exchange => {
      const exchange = { request: body, reply, ms: performance.now() - started, sent };
      this.emit("exchange", exchange);
      return exchange;
    };
    if (!this.connected) return done(null, false);
    let timer: NodeJS.Timeout | undefined;
    const text = await new Promise<string | null>((resolve) => {
      this.waiting = resolve;
      timer = setTimeout(() => resolve(null), this.options.replyTimeoutMs);
      this.client!.publish(this.requestTopic, JSON.stringify(body), { qos: 0 });
    });
    clearTimeout(timer);
    this.waiting = null;
    // Like the firmware after an unanswered query: drop the connection (offline at once: nothing more is sent on it,
    // though the socket closes a little later); the reconnect replays the buffer.
    if (text === null && this.client?.connected) {
      this.online = false;
      this.client.stream.destroy();
    }
    return done(text === null ? null : parseJson(text));
  }

  private onMessage(topic: string, text: string): void {
    if (topic === this.replyTopic) {
      if (this.waiting) this.waiting(text);
      else {
        this.unsolicited++;
        this.emit("unsolicited", text);
      }
    } else if (topic === this.commandTopic) {
      const command = parseJson(text);
      if (command) this.emit("command", command);
    }
  }
}

function parseJson(text: string): Json | null {
  try {
    const value: unknown = JSON.parse(text);
    // ArduinoJson fails on anything that is not an object here; the firmware treats that as request_ok:false.
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : { request_ok: false };
  } catch {
    return { request_ok: false };
  }
}
