/** `next build` when there is no build or the sources changed: the step before tests that serve the built app. */
import path from "node:path";
import { ensureBuild } from "./launcher/build";
import { StartupError } from "./launcher/startup-error";

const root = path.resolve(import.meta.dirname, "..");
try {
  const built = await ensureBuild(root, (line) => console.log(line));
  console.log(built ? "Web app built." : "Web app build is up to date.");
} catch (error) {
  console.error(error instanceof StartupError ? `✖ ${error.message}` : error);
  process.exit(1);
}
