import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDemoDatabase } from "@/lib/db/testing/demo-database";
import { translator } from "@/lib/i18n/translate";
import { readServiceStatus, supervisionLine, writeServiceStatus, type ServiceState } from "@/lib/ops/service-status";
import { waitFor } from "@/lib/testing/wait-for";
import { ask, connectBoard } from "@/device-broker/testing/board-client";
import { freePort } from "../testing/free-port";
import { brokerArgs } from "./broker-bundle";
import { restartDelay, Supervisor, type ServiceSpec } from "./supervisor";

const root = path.resolve(import.meta.dirname, "..", "..");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ms-supervisor-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A stand-in web server: answers every request with "up"; prints its port. */
const WEB = `require("node:http").createServer((q, s) => s.end("up")).listen(0, "127.0.0.1", function () { console.log("port " + this.address().port); });`;
/** Crashes (after an error line) while the flag file exists; otherwise stays up. */
const FLAKY = (flag: string) =>
  `if (require("node:fs").existsSync(${JSON.stringify(flag)})) { console.error("✖ cannot open the spool"); process.exit(3); } setInterval(() => {}, 1000);`;

const until = <T>(read: () => T, what: string, timeoutMs = 60_000) => waitFor(what, read, timeoutMs);

function harness(timing: { firstDelayMs: number; maxDelayMs: number; stableAfterMs: number }) {
  const lines: string[] = [];
  const fatal: string[] = [];
  const history: Record<string, ServiceState>[] = [];
  const supervisor = new Supervisor(
    (line) => lines.push(line),
    (message) => fatal.push(message),
    {
      timing,
      onState: (states) => {
        history.push(states);
        writeServiceStatus(dir, states);
      },
    },
  );
  const node = (name: string, script: string, extra: Partial<ServiceSpec> = {}): ServiceSpec => ({
    name,
    command: process.execPath,
    args: ["-e", script],
    env: process.env,
    cwd: root,
    ...extra,
  });
  return { supervisor, lines, fatal, history, node };
}

describe("the launcher's supervisor", () => {
  it("restarts a crashing broker with growing, capped backoff, never touches the web, and recovers", { timeout: 120_000 }, async () => {
    const flag = path.join(dir, "crash");
    fs.writeFileSync(flag, "");
    // While it crashes nothing counts as having stayed up, however slowly a loaded machine starts the process.
    const timing = { firstDelayMs: 20, maxDelayMs: 160, stableAfterMs: 600_000 };
    const { supervisor, lines, fatal, history, node } = harness(timing);
    try {
      supervisor.start(node("web", WEB));
      const port = await until(() => /\[web\] port (\d+)/.exec(lines.join("\n"))?.[1], "the web's port");
      const webPid = supervisor.snapshot().web!.pid;
      supervisor.start(node("broker", FLAKY(flag), { onCrash: "forever" }));

      // Eight crashes in a row: more than the web's give-up limit, and the backoff reaches its cap.
      const restarting = await until(() => history.find((s) => s.broker?.state === "restarting" && s.broker.crashes === 8)?.broker, "8 crashes");
      const delays = lines.flatMap((l) => /^\[broker\] restarting in (\d+) ms/.exec(l)?.[1] ?? []).map(Number);
      expect(delays.slice(0, 8)).toEqual([20, 40, 80, 160, 160, 160, 160, 160]);
      expect(restarting).toMatchObject({ crashes: 8, totalCrashes: 8, pid: null });
      expect(restarting.lastExit!.reason).toBe("code 3: ✖ cannot open the spool");
      expect(fatal).toEqual([]);
      // The web is the same process throughout, and answers.
      expect(supervisor.snapshot().web).toMatchObject({ state: "running", pid: webPid, totalCrashes: 0 });
      expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe("up");

      // What the system page reads while it restarts, in four languages.
      const crashing = { ...restarting, nextTryAt: new Date(Date.parse(restarting.lastExit!.at) + 30_000).toISOString() };
      writeServiceStatus(dir, { broker: crashing });
      const onPage = readServiceStatus(dir)!.services.broker!;
      const line = supervisionLine(onPage, new Date(restarting.lastExit!.at));
      expect(line).toMatchObject({ key: "restarting", values: { crashes: 8, seconds: 30 } });
      expect(translator("en")(`system.broker.supervision.${line.key}`, line.values)).toBe("Board broker: restarting after 8 crashes, next try in 30 s.");
      for (const locale of ["de", "nl", "it"] as const) {
        const text = translator(locale)(`system.broker.supervision.${line.key}`, line.values);
        expect(text).toContain("8");
        expect(text).toContain("30 s");
      }

      // Up 1.5 s now counts as recovered (the supervisor reads its timing at each start): once a broker started
      // under it runs, the fault goes away, the broker stays up, and after that while its run of crashes is over.
      timing.stableAfterMs = 1_500;
      const starts = () => history.filter((s, i) => s.broker?.state === "running" && history[i - 1]?.broker?.state !== "running").length;
      const startsBefore = starts();
      await until(() => starts() > startsBefore, "a start of the broker under the new timing");
      fs.rmSync(flag);
      const recovered = await until(() => {
        const broker = supervisor.snapshot().broker;
        return broker?.state === "running" && broker.crashes === 0 && broker;
      }, "the broker to count as recovered");
      expect(recovered.totalCrashes).toBeGreaterThanOrEqual(8);
      expect(supervisionLine(recovered)).toMatchObject({ key: "runningAfterCrashes" });
      expect(fatal).toEqual([]);
      expect(supervisor.snapshot().web!.pid).toBe(webPid);
    } finally {
      await supervisor.stop();
    }
  });

  it("still gives up on a web server that keeps exiting (a taken port does not fix itself)", { timeout: 60_000 }, async () => {
    const { supervisor, fatal, history, node } = harness({ firstDelayMs: 10, maxDelayMs: 40, stableAfterMs: 60_000 });
    try {
      supervisor.start(node("web", `console.error("EADDRINUSE"); process.exit(1);`));
      await until(() => fatal.length > 0, "giving up");
      expect(fatal[0]).toMatch(/The web keeps exiting; giving up/);
      expect(history.at(-1)!.web).toMatchObject({ state: "stopped", crashes: 6 });
    } finally {
      await supervisor.stop();
    }
  });

  it("doubles from the first delay up to the cap", () => {
    const timing = { firstDelayMs: 500, maxDelayMs: 60_000, stableAfterMs: 60_000 };
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 20].map((n) => restartDelay(n, timing))).toEqual([500, 1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000]);
  });

  it("keeps the real broker serving boards through six kill -9 in a row", { timeout: 240_000 }, async () => {
    const t = await createDemoDatabase();
    const mqttPort = await freePort();
    const dataDir = path.join(dir, "data");
    fs.mkdirSync(dataDir);
    const { supervisor, lines, fatal, node } = harness({ firstDelayMs: 50, maxDelayMs: 400, stableAfterMs: 60_000 });
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      LOG_LEVEL: "info",
      DATA_DIR: dataDir,
      DATABASE_URL: t.url,
      MQTT_PORT: String(mqttPort),
      MQTT_HOST: "127.0.0.1",
    };
    const listening = () => lines.filter((l) => l.startsWith("[broker]") && l.includes("device broker listening")).length;
    try {
      supervisor.start(node("web", WEB));
      const port = await until(() => /\[web\] port (\d+)/.exec(lines.join("\n"))?.[1], "the web's port");
      supervisor.start({ name: "broker", command: process.execPath, args: await brokerArgs(root, () => {}), env, cwd: root, onCrash: "forever" });
      for (let kill = 1; kill <= 6; kill++) {
        await until(() => listening() === kill, `the broker's start #${kill}`);
        process.kill(supervisor.snapshot().broker!.pid!, "SIGKILL");
        await until(() => supervisor.snapshot().broker?.state === "restarting", `restart #${kill}`);
        expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe("up");
      }
      await until(() => listening() === 7, "the broker's seventh start");
      expect(supervisor.snapshot().broker).toMatchObject({
        state: "running",
        crashes: 6,
        totalCrashes: 6,
        lastExit: { reason: expect.stringMatching(/^SIGKILL/) },
      });
      const board = await connectBoard(mqttPort, 401);
      try {
        const replies = await ask(board, 1, '{"action":"checkmachine"}');
        expect(JSON.parse(replies[0]!.text)).toMatchObject({ request_ok: true, name: "LASER 1" });
      } finally {
        await board.endAsync(true);
      }
      expect(fatal).toEqual([]);
    } finally {
      await supervisor.stop();
      await t.close();
    }
  });
});
