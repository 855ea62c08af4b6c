import type { Logger } from "pino";

/**
 * At most `perKey` log lines per key (a client, a topic) per window, so one misbehaving client cannot flood the
 * log. The first line after a quiet spell carries how many were suppressed. Keys are forgotten every window,
 * and past `maxKeys` in one window all further keys share one budget, so memory stays bounded too.
 */
export class LogLimiter {
  private windowStart = 0;
  private readonly counts = new Map<string, { logged: number; suppressed: number }>();
  private carried = new Map<string, number>();

  constructor(
    private readonly options: { perKey: number; windowMs: number; maxKeys: number; now?: () => number } = { perKey: 5, windowMs: 60_000, maxKeys: 1_000 },
  ) {}

  /** null: do not log; a number: log, mentioning that many suppressed since the last line for this key. */
  take(key: string): number | null {
    const now = (this.options.now ?? Date.now)();
    if (now - this.windowStart >= this.options.windowMs) {
      this.windowStart = now;
      this.carried = new Map(
        [...this.counts]
          .filter(([, c]) => c.suppressed > 0)
          .slice(0, this.options.maxKeys)
          .map(([k, c]) => [k, c.suppressed]),
      );
      this.counts.clear();
    }
    const slot = this.counts.has(key) || this.counts.size < this.options.maxKeys ? key : "(other clients)";
    let count = this.counts.get(slot);
    if (!count) this.counts.set(slot, (count = { logged: 0, suppressed: 0 }));
    if (count.logged >= this.options.perKey) {
      count.suppressed++;
      return null;
    }
    count.logged++;
    const before = this.carried.get(slot) ?? 0;
    this.carried.delete(slot);
    return before;
  }
}

type LogArgs = [obj: Record<string, unknown>, msg?: string] | [msg: string];

/** The logger with `warn` limited per client/topic (the rejections a flood produces); other levels untouched. */
export function limitWarnings(logger: Logger, limiter = new LogLimiter()): Logger {
  const warn = (...args: LogArgs) => {
    const [first, msg] = args;
    const obj = typeof first === "string" ? {} : first;
    const text = typeof first === "string" ? first : msg;
    const who = obj.clientId ?? obj.remoteAddress ?? obj.topic ?? "";
    const suppressed = limiter.take(`${text}|${String(who)}`);
    if (suppressed === null) return;
    logger.warn(suppressed > 0 ? { ...obj, suppressed } : obj, text);
  };
  // A child keeps its bindings and shares the budget.
  const child = (...args: Parameters<Logger["child"]>) => limitWarnings(logger.child(...args) as unknown as Logger, limiter);
  return new Proxy(logger, {
    get: (target, prop, receiver) => (prop === "warn" ? warn : prop === "child" ? child : Reflect.get(target, prop, receiver)),
  });
}
