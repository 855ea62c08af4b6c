// Preloaded into the web server by bench:abort-signals (node --expose-gc --require). Remembers, weakly, every
// AbortSignal that gets an "abort" listener, with the stack that created its controller and the stack that added
// the listener. On "abort" from the parent it counts the signals still alive right after a full collection, then
// again once the finalizers that collection queued have run, and names the creators of those still alive.
const stackOf = () =>
  (new Error().stack || "")
    .split("\n")
    .slice(2, 10)
    .map((line) => line.trim())
    .filter((line) => !line.includes("abort-probe"))
    .join(" | ");
const createdBy = new WeakMap();
const listenersOf = new WeakMap();
const tracked = new Set();

const Original = global.AbortController;
global.AbortController = class extends Original {
  constructor() {
    super();
    createdBy.set(this.signal, stackOf());
  }
};
const add = EventTarget.prototype.addEventListener;
const remove = EventTarget.prototype.removeEventListener;
EventTarget.prototype.addEventListener = function (type, listener, options) {
  if (type === "abort" && listener) {
    let listeners = listenersOf.get(this);
    if (!listeners) {
      listenersOf.set(this, (listeners = new Map()));
      tracked.add(new WeakRef(this));
    }
    listeners.set(listener, stackOf());
  }
  return add.call(this, type, listener, options);
};
EventTarget.prototype.removeEventListener = function (type, listener, options) {
  if (type === "abort") listenersOf.get(this)?.delete(listener);
  return remove.call(this, type, listener, options);
};

const alive = () => [...tracked].map((ref) => ref.deref() ?? (tracked.delete(ref), null)).filter(Boolean);
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));
process.on("message", async (message) => {
  if (message !== "abort") return;
  global.gc();
  const rightAfterGc = alive().length;
  await settle();
  global.gc();
  await settle();
  global.gc();
  const still = alive();
  const byCreator = new Map();
  for (const signal of still) {
    const key = `${createdBy.get(signal) ?? "(not from the global AbortController)"}\n      listener: ${[...(listenersOf.get(signal)?.values() ?? [])][0] ?? "-"}`;
    byCreator.set(key, (byCreator.get(key) ?? 0) + 1);
  }
  process.send({ abort: { rightAfterGc, afterFinalizers: still.length, creators: [...byCreator].sort((a, b) => b[1] - a[1]).slice(0, 5) } });
});
