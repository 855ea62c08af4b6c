/**
 * The attacker of bench:board-flood, in its own process so that its work does not slow the measuring board's
 * event loop: wrong-password CONNECTs for `username` from `sources` loopback addresses, `parallel` at a time each,
 * for `seconds`. Prints {"attempts":n,"refused":n} on stdout when done.
 */
import net from "node:net";
import { MqttClient } from "mqtt";

const [port, username, seconds, sources, parallel] = process.argv.slice(2).map((a, i) => (i === 1 ? a : Number(a))) as [number, string, number, number, number];

let attempts = 0;
let refused = 0;

function attempt(from: string): Promise<void> {
  attempts++;
  return new Promise((resolve) => {
    const client = new MqttClient(() => net.createConnection({ host: "127.0.0.1", port, localAddress: from }), {
      clientId: `FLOOD${attempts % 1000}`,
      username,
      password: `wrong-${attempts}`,
      protocolVersion: 4,
      reconnectPeriod: 0,
      connectTimeout: 5_000,
    });
    let settled = false;
    const done = (wasRefused: boolean) => {
      if (settled) return;
      settled = true;
      if (wasRefused) refused++;
      client.end(true);
      resolve();
    };
    client.once("connect", () => done(false));
    client.once("error", () => done(true));
    client.once("close", () => done(true));
  });
}

async function main(): Promise<void> {
  const until = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: sources * parallel }, async (_, k) => {
      const from = `127.2.${Math.floor(k / parallel / 250)}.${(((k / parallel) | 0) % 250) + 1}`;
      while (Date.now() < until) await attempt(from);
    }),
  );
  process.stdout.write(`${JSON.stringify({ attempts, refused })}\n`);
}

void main();
