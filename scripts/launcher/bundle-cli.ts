/** `tsx scripts/launcher/bundle-cli.ts <entry>`: makes the entry's bundle if it is not up to date (scripts/start.mjs asks). */
import path from "node:path";
import { ensureBrokerBundle, type BrokerEntry } from "./broker-bundle";

const entry = process.argv[2] as BrokerEntry;
await ensureBrokerBundle(path.resolve(import.meta.dirname, "..", ".."), entry);
