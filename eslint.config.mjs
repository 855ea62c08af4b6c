import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The shared core and the broker run in plain Node, Vitest and the broker process: no web framework in them.
const webOnly = {
  patterns: [
    { group: ["next", "next/*", "next-auth", "next-auth/*", "react", "react/*", "react-dom", "react-dom/*", "server-only"], message: "lib/domain, lib/db, lib/storage, lib/time, lib/env and device-broker run outside Next.js." },
    { group: ["@/app", "@/app/*", "@/components", "@/components/*", "@/lib/auth", "@/lib/auth/*", "**/app/**"], message: "The shared core must not depend on the web app." },
  ],
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    files: ["lib/domain/**", "lib/db/**", "lib/storage/**", "lib/time/**", "lib/api/**", "lib/env.ts", "device-broker/**"],
    rules: { "no-restricted-imports": ["error", webOnly] },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-floating-promises": "off",
    },
  },
  {
    // The space's saved time zone is the only source (getSpace() / getSpaceSettings(db)); the environment only seeds it.
    files: ["**/*.ts", "**/*.tsx"],
    ignores: ["lib/env.ts", "lib/domain/settings/space-settings.ts", "**/*.test.ts"],
    rules: { "no-restricted-properties": ["error", { property: "SPACE_TIME_ZONE", message: "Use the space settings' timeZone (getSpace(), getSpaceSettings(db))." }] },
  },
  globalIgnores([".next/**", "node_modules/**", "data/**", "drizzle/migrations/**", "test-results/**", "playwright-report/**", "next-env.d.ts"]),
]);
