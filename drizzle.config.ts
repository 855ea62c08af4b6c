import { defineConfig } from "drizzle-kit";

// Used only by `npm run db:generate`; migrations are applied by drizzle/migrate.ts at start.
export default defineConfig({
  dialect: "postgresql",
  schema: "./lib/db/schema/index.ts",
  out: "./drizzle/migrations",
  casing: "snake_case",
});
