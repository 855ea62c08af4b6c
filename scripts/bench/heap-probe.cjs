// Preloaded into the web server by bench:soak (node --expose-gc --require): on "heap" from the parent it collects
// garbage twice and answers with the process's memory figures, so the bench reads the live heap, not garbage.
process.on("message", (message) => {
  if (message !== "heap") return;
  global.gc();
  global.gc();
  process.send({ heap: process.memoryUsage() });
});
