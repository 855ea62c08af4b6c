/**
 * `npm run bench:abort-signals [path] [requests]`: do page requests leave abort listeners behind? Runs the built web
 * server (as bench:soak does) with scripts/bench/abort-probe.cjs, requests a page (default /login), and counts the
 * AbortSignals holding an "abort" listener that are alive right after a full garbage collection and again once the
 * collection's finalizers have run, naming who made those still alive.
 *
 * What it showed (issue 20, heap snapshots with ~0.24 `abort` listeners per /login request): Next builds a Request
 * (Node's undici) per request with a signal tied to the response; undici keeps that signal and its listener in a
 * FinalizationRegistry entry until the Request's own AbortController is collected and the registry's callback has
 * run. A heap snapshot (taken right after a collection) shows them; a moment later they are gone: no leak.
 */
import { startProbedWebServer } from "./probed-web-server";
import { loadLine } from "./stats";
import { hit } from "./web-load";

const page = process.argv[2] ?? "/login";
const REQUESTS = Number(process.argv[3] ?? 1_000);
const server = await startProbedWebServer({ probe: "abort-probe.cjs", name: "abort", demoPassword: "bench-demo-password" });
const port = server.port;

type Probe = { rightAfterGc: number; afterFinalizers: number; creators: [string, number][] };
const probe = () => server.ask<Probe>("abort");

try {
  await hit(port, [{ path: page }], 50);
  const start = await probe();
  await hit(port, [{ path: page }], REQUESTS);
  const end = await probe();
  console.log(`${page}: signals with an abort listener, alive after 50 and after ${50 + REQUESTS} requests`);
  console.log(`  right after a full GC:          ${start.rightAfterGc} → ${end.rightAfterGc}`);
  console.log(
    `  after the finalizers have run:  ${start.afterFinalizers} → ${end.afterFinalizers}  (${((end.afterFinalizers - start.afterFinalizers) / REQUESTS).toFixed(3)} per request)`,
  );
  for (const [creator, n] of end.creators) console.log(`  ${n}× ${creator}`);
  console.log(loadLine());
} finally {
  await server.stop();
}
