import path from "node:path";

/** The demo accounts seeded by scripts/start.ts, all with the password the config passed as DEMO_PASSWORD. */
export const DEMO_PASSWORD = process.env.E2E_DEMO_PASSWORD ?? "e2e-demo-password";

export const USERS = {
  admin: { email: "admin@makerspace.local", name: "Ada Admin" },
  member: { email: "member@makerspace.local", name: "Mario Rossi" },
  maria: { email: "maria@makerspace.local", name: "Maria Huber" },
} as const;

export const storageStateOf = (role: "admin" | "member") => path.join(import.meta.dirname, ".auth", `${role}.json`);
