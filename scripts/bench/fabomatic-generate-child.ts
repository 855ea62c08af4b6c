/** Writes a generated Fab-O-Matic database to argv[2] (a child process: the benchmark measures only the import's memory). */
import fs from "node:fs";
import { generateFabomaticDatabase } from "./fabomatic-generator";

const [file, users, machines, uses] = process.argv.slice(2);
fs.writeFileSync(file!, await generateFabomaticDatabase({ users: Number(users), machines: Number(machines), uses: Number(uses) }));
