// Preloaded into the web server by bench:soak (node --expose-gc --require): on "heap" from the parent it collects
// garbage, lets the finalizers that the collection queued run, collects again and answers with the process's
// memory figures, so the bench reads the live heap, not garbage. Without the pause, what only waits for its
// FinalizationRegistry callback looks retained: undici keeps each Request's abort listener and signal until its
// callback runs (see bench:abort-signals), ~0.1–0.25 of them per page request right after a collection.
const settle = () => new Promise((resolve) => setTimeout(resolve, 200));
process.on("message", async (message) => {
  if (message !== "heap") return;
  global.gc();
  await settle();
  global.gc();
  await settle();
  global.gc();
  process.send({ heap: process.memoryUsage() });
});
