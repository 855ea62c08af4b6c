import net from "node:net";
import mqttPacket from "mqtt-packet";

/** A small seeded PRNG (mulberry32), so a failing run can be repeated with FUZZ_SEED. */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(max: number): number {
    return Math.floor(this.next() * max);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  bytes(n: number): Buffer {
    const out = Buffer.allocUnsafe(n);
    for (let i = 0; i < n; i++) out[i] = this.int(256);
    return out;
  }
  /** Any code points: astral, lone surrogates, NUL, RTL marks, combining characters. */
  unicode(n: number): string {
    let s = "";
    for (let i = 0; i < n; i++) {
      const kind = this.int(4);
      s +=
        kind === 0
          ? String.fromCharCode(this.int(0x10000))
          : kind === 1
            ? String.fromCodePoint(0x10000 + this.int(0xfffff))
            : kind === 2
              ? this.pick(["\u0000", "\u202e", "\u0301", "\ufeff", "\ud800"])
              : String.fromCharCode(32 + this.int(95));
    }
    return s;
  }
}

const ACTIONS = ["alive", "checkmachine", "checkuser", "startuse", "inuse", "stopuse", "maintenance", "synccache"];
const NUMBERS = [0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 1, Number.MAX_SAFE_INTEGER, 86_400 * 365 * 100, 3605, 1e-9];

function value(r: Random): unknown {
  switch (r.int(10)) {
    case 0:
      return r.pick(NUMBERS);
    case 1:
      return r.unicode(r.int(40));
    case 2:
      return r.pick([null, true, false, [], {}, [1, 2], { a: { b: {} } }]);
    case 3:
      return "9".repeat(1 + r.int(400));
    case 4:
      return r.bytes(4).toString("hex").toUpperCase();
    case 5:
      return r.bytes(1 + r.int(6)).toString("hex");
    default:
      return r.bytes(4).toString("hex");
  }
}

/**
 * One board-request payload: mostly malformed in every way the protocol page lists, sometimes valid. Always
 * under the 4 KiB packet limit, so the connection survives and every payload reaches the dispatcher.
 */
export function fuzzPayload(r: Random): Buffer {
  switch (r.int(12)) {
    case 0:
      return r.bytes(r.int(300));
    case 1:
      return Buffer.from(r.unicode(1 + r.int(120)));
    case 2: {
      const valid = JSON.stringify({ action: r.pick(ACTIONS), uid: "efbeadde", duration: 95 });
      return Buffer.from(valid.slice(0, r.int(valid.length)));
    }
    case 3:
      return Buffer.from(JSON.stringify({ action: r.pick(ACTIONS), pad: "x".repeat(1_000 + r.int(2_900)) }));
    case 4:
      return Buffer.from(r.pick(["[", '{"a":']).repeat(1 + r.int(700)));
    case 5:
      return Buffer.from(
        r.pick(['{"__proto__":{"action":"checkuser"}}', '{"constructor":{"prototype":{}}}', '{"action":"toString"}', "null", "[]", '""', "1e999", "-0"]),
      );
    case 6:
      return Buffer.from(JSON.stringify({ action: r.pick(ACTIONS), uid: "efbeadde", duration: r.int(100_000), replay: r.next() < 0.5 }));
    default: {
      const body: Record<string, unknown> = { action: r.next() < 0.8 ? r.pick(ACTIONS) : value(r) };
      for (const key of ["uid", "duration", "replay", "version", "ip", "serial", "heap", r.unicode(3)]) if (r.next() < 0.5) body[key] = value(r);
      return Buffer.from(JSON.stringify(body));
    }
  }
}

/**
 * A request topic the board policy lets an anonymous client publish to: mostly machine ids no machine has,
 * sometimes demo machines 2 and 3 (machine 1 stays quiet for the checks after fuzzing).
 */
export function fuzzTopic(r: Random): string {
  const id = r.next() < 0.1 ? 2 + r.int(2) : r.int(10 ** (1 + r.int(6)));
  return `machine/${id === 1 ? 4 : id}`;
}

export const connectPacket = (clientId: string, extra: Partial<mqttPacket.IConnectPacket> = {}) =>
  mqttPacket.generate({ cmd: "connect", clientId, protocolId: "MQTT", protocolVersion: 4, clean: true, keepalive: 10, ...extra } as mqttPacket.IConnectPacket);

export const publishPacket = (topic: string, payload: Buffer, qos: 0 | 1 | 2 = 0) =>
  mqttPacket.generate({ cmd: "publish", topic, payload, qos, retain: false, dup: false, ...(qos > 0 ? { messageId: 1 } : {}) });

const BAD_TOPICS = [
  "machine/1/reply",
  "machine/1/request",
  "$SYS/broker/x",
  "machine/+",
  "machine/#",
  "",
  "machine",
  "machine/1/2/3",
  "machine/abc",
  "machine/-1",
  "machine/1234567",
  "maschine/1",
  "machine/\u0000",
  "machine/١",
];

/**
 * Client ids from BOARD900 up are the callers' own clients (fuzz.int.test.ts, fault-soak.ts), never drawn here: a
 * broker child counts the publishes it settled per client id (broker-child.ts), and a raw session's publish counted
 * for one would let that client's `ask` resolve before the broker had handled its own request (an answer that
 * "did not come").
 */
const RAW_SESSION_IDS = 900;

/** The bytes one raw TCP connection sends: broken packets of every kind, each ending that connection. */
export function fuzzRawSession(r: Random, n: number): Buffer {
  const connect = () => connectPacket(`BOARD${r.int(RAW_SESSION_IDS)}`);
  switch (r.int(11)) {
    case 0:
      return r.bytes(1 + r.int(2_000));
    case 1:
      return Buffer.concat([connect(), r.bytes(1 + r.int(500))]);
    case 2: {
      const full = publishPacket(fuzzTopic(r), fuzzPayload(r));
      return Buffer.concat([connect(), full.subarray(0, r.int(full.length))]);
    }
    case 3:
      return Buffer.concat([connect(), Buffer.from([0x30, 0x80 | r.int(128), 0x80 | r.int(128), 1 + r.int(127)]), r.bytes(r.int(8_192))]);
    case 4:
      return Buffer.concat([connect(), Buffer.from([0x30, 0xff, 0xff, 0xff, 0xff, 0x7f])]);
    case 5:
      // An empty client id without clean session is illegal (mqtt-packet will not even write it): by hand.
      if (n % 8 === 0) return Buffer.from([0x10, 12, 0, 4, 0x4d, 0x51, 0x54, 0x54, 4, 0x00, 0, 10, 0, 0]);
      return connectPacket(
        r.unicode(1 + r.int(30)),
        r.pick<Partial<mqttPacket.IConnectPacket>>([
          { protocolVersion: 3, protocolId: "MQIsdp" },
          { protocolVersion: 5 },
          { keepalive: 0 },
          { username: r.unicode(10) },
          { username: "x", password: r.bytes(20) },
          { will: { topic: "machine/1/reply", payload: Buffer.from("{}"), qos: 0, retain: true } },
        ]),
      );
    case 6:
      return Buffer.concat([connect(), publishPacket(r.pick(BAD_TOPICS), fuzzPayload(r))]);
    case 7:
      return Buffer.concat([
        connect(),
        mqttPacket.generate({
          cmd: "subscribe",
          messageId: 1 + r.int(65_000),
          subscriptions: [{ topic: r.pick(["#", "$SYS/#", "machine/+/reply", "machine/2/reply", r.unicode(8)]), qos: r.pick([0, 1, 2] as const) }],
        }),
      ]);
    case 8:
      return Buffer.concat([connect(), connect()]);
    case 9:
      return Buffer.concat([publishPacket(fuzzTopic(r), fuzzPayload(r)), connect()]);
    default: {
      // QoS 1/2 publishes (boards never send them), and a QoS 3 flag no MQTT version has.
      const packet = publishPacket(fuzzTopic(r), fuzzPayload(r), r.pick([1, 2] as const));
      if (n % 2 === 0) packet[0] = 0x36;
      return Buffer.concat([connect(), packet]);
    }
  }
}

/**
 * One connection that publishes `count` fuzzed payloads to the broker on `port`; fails if the broker hangs up on it.
 * Resolves with its client id and how many publishes it sent (the payloads and two alives).
 */
export async function fuzzPublishStream(port: number, r: Random, count: number, clientNumber: number): Promise<{ clientId: string; published: number }> {
  const socket = net.connect(port, "127.0.0.1");
  await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("error", reject));
  let closedEarly = false;
  socket.once("close", () => (closedEarly = true));
  // No keepalive: under load Aedes may take longer than 1.5 × 10 s to work through what we queued.
  const clientId = `BOARD${clientNumber}`;
  socket.write(connectPacket(clientId, { keepalive: 0 }));
  // Like a board, wait for CONNACK: Aedes drops a client that sends more than 42 packets before it.
  await new Promise((resolve) => socket.once("data", resolve));
  socket.on("data", () => {});
  // The board of demo machines 2 and 3 (paired in their pairing windows): a connection that is not would be
  // refused at its first request there. Once paired, a connection stays so, whatever its fuzzed alives claim.
  const alive = Buffer.from('{"action":"alive","version":"fuzz","ip":"127.0.0.1","serial":"fuzz-board"}');
  socket.write(Buffer.concat([publishPacket("machine/2", alive), publishPacket("machine/3", alive)]));
  for (let sent = 0; sent < count && !closedEarly;) {
    const batch: Buffer[] = [];
    for (let i = 0; i < 200 && sent < count; i++, sent++) batch.push(publishPacket(fuzzTopic(r), fuzzPayload(r)));
    if (!socket.write(Buffer.concat(batch))) await new Promise((resolve) => socket.once("drain", resolve).once("close", resolve));
  }
  if (closedEarly) throw new Error("the broker dropped a connection that only published to machine/<id> topics");
  await new Promise<void>((resolve) => socket.end(resolve));
  return { clientId, published: count + 2 };
}

/**
 * One raw connection with broken bytes, half-closed after them; resolves when the broker has hung up (it has read
 * them all, or refused them). Rejects if it is still open after `limitMs`: a broker that keeps a connection nobody
 * talks on any more (a bound for a stuck test, not a wait).
 */
export function fuzzRawConnection(port: number, bytes: Buffer, limitMs = 30_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1");
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`the broker kept a half-closed connection open for ${limitMs} ms after: ${bytes.toString("hex").slice(0, 200)}`));
    }, limitMs);
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve();
    };
    socket.on("error", done).on("close", done);
    socket.on("data", () => {});
    socket.on("connect", () => socket.end(bytes));
  });
}
