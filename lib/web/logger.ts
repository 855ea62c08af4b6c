import pino, { type Logger } from "pino";
import { env } from "@/lib/env";

const holder = globalThis as unknown as { __makerspaceWebLogger?: Logger };

export function getLogger(): Logger {
  holder.__makerspaceWebLogger ??= pino({ level: env().LOG_LEVEL, base: { service: "web" } });
  return holder.__makerspaceWebLogger;
}
