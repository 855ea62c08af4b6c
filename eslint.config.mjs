import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";

/*
 * The lint rules say the architecture (ARCHITECTURE.md, "Rules of the house"):
 * - lib/domain, lib/db, lib/storage, lib/time, lib/env and device-broker run in plain Node: no web framework in them;
 * - app/ holds routes only: it asks lib/domain and lib/web, never the schema's tables (types are fine);
 * - components/ are building blocks: nothing from app/ (a route passes its server actions in as props);
 * - no promise is left floating in lib/ and device-broker/ (an unhandled rejection kills the broker);
 * - no update or delete without a where.
 */
const webOnly = {
  patterns: [
    {
      group: ["next", "next/*", "next-auth", "next-auth/*", "react", "react/*", "react-dom", "react-dom/*", "server-only"],
      message: "lib/domain, lib/db, lib/storage, lib/time, lib/env and device-broker run outside Next.js.",
    },
    {
      group: ["@/app", "@/app/*", "@/components", "@/components/*", "@/lib/auth", "@/lib/auth/*", "**/app/**"],
      message: "The shared core must not depend on the web app.",
    },
  ],
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    files: ["lib/domain/**", "lib/db/**", "lib/storage/**", "lib/time/**", "lib/api/**", "lib/oidc/**", "lib/env.ts", "device-broker/**"],
    rules: { "no-restricted-imports": ["error", webOnly] },
  },
  {
    files: ["app/**"],
    ignores: ["app/**/*.test.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: [{ name: "@/lib/db/schema", allowTypeImports: true, message: "Routes ask lib/domain (or lib/web), not the tables; type imports are fine." }],
          patterns: [
            { group: ["@/lib/db/schema/*"], allowTypeImports: true, message: "Routes ask lib/domain (or lib/web), not the tables; type imports are fine." },
          ],
        },
      ],
    },
  },
  {
    files: ["components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/app", "@/app/*", "**/app/**"],
              message: "Components import nothing from app/: take server actions as props, or live beside the route.",
            },
            {
              group: ["**/lib/web/db", "@/lib/db/client"],
              message: "Components never query the database: the page (or a lib/web loader) loads, the component gets the data as props.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/**/*.ts", "device-broker/**/*.ts"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
    },
  },
  {
    plugins: { drizzle },
    // Tests empty whole tables on purpose (a known starting point); the application never does.
    ignores: ["**/*.test.ts", "**/testing/**"],
    rules: {
      // Our database handles: db (also t.db, handle.db, …), tx inside transactions, getDb() in the web app.
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx", "getDb"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx", "getDb"] }],
    },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The space's saved time zone is the only source (getSpace() / getSpaceSettings(db)); the environment only seeds it.
    files: ["**/*.ts", "**/*.tsx"],
    ignores: ["lib/env.ts", "lib/domain/settings/space-settings.ts", "**/*.test.ts"],
    rules: {
      "no-restricted-properties": ["error", { property: "SPACE_TIME_ZONE", message: "Use the space settings' timeZone (getSpace(), getSpaceSettings(db))." }],
    },
  },
  globalIgnores([".next/**", "node_modules/**", "data/**", "drizzle/migrations/**", "test-results/**", "playwright-report/**", "next-env.d.ts"]),
]);
