import { describe, expect, it } from "vitest";
import { handleUncaught, isDriverWriteAfterClose } from "./driver-faults";

function faultLike(message: string, frames: string[]): TypeError {
  const error = new TypeError(message);
  error.stack = [`TypeError: ${message}`, ...frames.map((f) => `    at ${f}`)].join("\n");
  return error;
}

const driverFault = faultLike("Cannot read properties of null (reading 'write')", [
  "nextWrite (/srv/makerspace/node_modules/postgres/src/connection.js:255:22)",
  "process.processImmediate (node:internal/timers:483:21)",
]);

describe("uncaught exceptions in the broker", () => {
  it("survives postgres.js writing on a connection it has just closed", () => {
    const logged: string[] = [];
    const exits: number[] = [];
    handleUncaught(driverFault, { warn: (_d, m) => logged.push(`warn ${m}`), fatal: (_d, m) => logged.push(`fatal ${m}`) }, (c) => exits.push(c));
    expect(exits).toEqual([]);
    expect(logged).toEqual(["warn database connection closed under a queued write (driver fault, survived)"]);
  });

  it("ends the process on anything else, also a like-worded error from our own code", () => {
    const ours = faultLike("Cannot read properties of null (reading 'write')", ["writeSpool (/srv/makerspace/device-broker/spool/spool.ts:10:3)"]);
    for (const error of [ours, new Error("boom"), "a string"]) {
      const exits: number[] = [];
      handleUncaught(error, { warn: () => {}, fatal: () => {} }, (c) => exits.push(c));
      expect(exits).toEqual([1]);
    }
    expect(isDriverWriteAfterClose(driverFault)).toBe(true);
  });
});
