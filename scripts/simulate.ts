/**
 * `npm run simulate -- --machines 5 --cards efbeadde,b0000002 [--url mqtt://127.0.0.1:1883]`: Fab-O-Matic boards
 * for demos and manual tests. Each board boots (alive, checkmachine), keeps the firmware's schedule, and every
 * --swipe-every seconds (randomised) swipes one of the cards, uses the machine for --use-seconds, then logs out.
 * Ctrl-C logs everyone out (stopuse) and exits; --duration ends the run by itself.
 */
import { parseArgs } from "node:util";
import { env } from "@/lib/env";
import { SimulatedBoard, type Exchange } from "./simulator/board";

const HELP = `Usage: npm run simulate -- [options]
  --machines N          boards for machine ids 1..N (default 3)
  --machine-ids LIST    explicit machine ids, comma separated (instead of --machines)
  --cards LIST          card uids to swipe, comma separated (default efbeadde)
  --url URL             broker (default mqtt://127.0.0.1:$MQTT_PORT)
  --username, --password  board credentials (all boards)
  --swipe-every S       mean seconds between swipes per board (default 60; 0 = never)
  --use-seconds S       how long a session lasts (default 45)
  --duration S          stop after S seconds (default: run until Ctrl-C)
  --quiet               print swipes only, not every request`;

function options() {
  const { values } = parseArgs({
    options: {
      machines: { type: "string", default: "3" },
      "machine-ids": { type: "string" },
      cards: { type: "string", default: "efbeadde" },
      url: { type: "string" },
      username: { type: "string" },
      password: { type: "string" },
      "swipe-every": { type: "string", default: "60" },
      "use-seconds": { type: "string", default: "45" },
      duration: { type: "string" },
      quiet: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  const number = (name: string, text: string | undefined, min = 0) => {
    const n = Number(text);
    if (text === undefined || !Number.isFinite(n) || n < min) fail(`--${name} must be a number ≥ ${min}, got "${text}"`);
    return n;
  };
  const ids = values["machine-ids"]
    ? values["machine-ids"].split(",").map((id) => number("machine-ids", id.trim()))
    : Array.from({ length: number("machines", values.machines, 1) }, (_, i) => i + 1);
  const cards = values.cards.split(",").map((c) => c.trim().toLowerCase());
  const badCard = cards.find((c) => !/^[0-9a-f]{8}$/.test(c));
  if (badCard !== undefined) fail(`--cards: "${badCard}" is not 8 hex digits`);
  return {
    ids,
    cards,
    url: values.url ?? `mqtt://127.0.0.1:${env().MQTT_PORT}`,
    username: values.username,
    password: values.password,
    swipeEvery: number("swipe-every", values["swipe-every"]),
    useSeconds: number("use-seconds", values["use-seconds"]),
    duration: values.duration === undefined ? undefined : number("duration", values.duration, 1),
    quiet: values.quiet,
  };
}

function fail(message: string): never {
  console.error(`✖ ${message}\n\n${HELP}`);
  process.exit(1);
}

const stamp = () => new Date().toISOString().slice(11, 23);

async function main(): Promise<void> {
  const o = options();
  console.log(`${o.ids.length} board(s) → ${o.url}, cards ${o.cards.join(", ")}`);
  const boards = o.ids.map((machineId) => new SimulatedBoard({ url: o.url, machineId, username: o.username, password: o.password }));
  const timers: NodeJS.Timeout[] = [];
  for (const board of boards) {
    const tag = `machine/${board.options.machineId} ${board.link.clientId}`;
    const say = (text: string) => console.log(`${stamp()} [${tag}] ${text}`);
    board.on("connect", () => say("connected"));
    board.on("offline", () => say("offline"));
    board.on("warning", (message: string) => say(`warning: ${message}`));
    board.on("unsolicited", (text: string) => say(`unexpected extra reply: ${text}`));
    board.on("login", (user) => say(`${user.uid} logged in as ${user.name} (level ${user.level})${user.offline ? " from the cache" : ""}`));
    board.on("logout", (user) => say(`${user.uid} logged out after ${user.duration} s`));
    if (!o.quiet) {
      board.on("exchange", (x: Exchange) =>
        say(`→ ${JSON.stringify(x.request)}  ← ${x.reply ? JSON.stringify(x.reply) : "(no answer)"} ${x.ms.toFixed(1)} ms`),
      );
    }
    if (o.swipeEvery > 0) timers.push(scheduleSwipes(board, o.cards, o.swipeEvery, o.useSeconds, say));
  }
  // Boards come up in parallel; one that cannot connect keeps retrying like the firmware.
  void Promise.all(boards.map((b) => b.start()));

  let stopping = false;
  const shutdown = async () => {
    if (stopping) process.exit(1);
    stopping = true;
    timers.forEach(clearInterval);
    await Promise.all(boards.map(async (b) => (await b.stop(), await b.close())));
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown());
  process.on("SIGTERM", () => void shutdown());
  if (o.duration !== undefined) setTimeout(() => void shutdown(), o.duration * 1000);
}

function scheduleSwipes(board: SimulatedBoard, cards: string[], everyS: number, useS: number, say: (t: string) => void): NodeJS.Timeout {
  // Checked each second with probability 1/everyS: swipes arrive at random, on average every everyS seconds.
  let swiping = false;
  return setInterval(() => {
    if (swiping || board.user || !board.link.connected || Math.random() >= 1 / everyS) return;
    const uid = cards[Math.floor(Math.random() * cards.length)]!;
    swiping = true;
    board
      .swipe(uid)
      .finally(() => (swiping = false))
      .then((outcome) => {
        if (!outcome.loggedIn) say(`${uid} not let in: ${outcome.reason}`);
        else setTimeout(() => void board.stop(), useS * 1000);
      })
      .catch((error: unknown) => say(`swipe failed: ${(error as Error).message}`));
  }, 1000);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
