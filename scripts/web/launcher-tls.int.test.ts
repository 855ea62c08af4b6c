import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "../testing/free-port";
import { runLauncher } from "../testing/launcher-process";
import { selfSignedCertificate } from "../testing/self-signed-certificate";

// `npm start` with a bad TLS setup: one clear line and exit 1, before anything is started.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ms-launcher-tls-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function failsClearly(env: Record<string, string>, message: RegExp): Promise<void> {
  const run = runLauncher({ DATA_DIR: path.join(tmp, "data"), PORT: String(await freePort()), MQTT_PORT: String(await freePort()), ...env });
  expect(await run.exited).toBe(1);
  expect(run.output()).toMatch(message);
  expect(run.output()).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(fs.existsSync(path.join(tmp, "data", "pgdata"))).toBe(false);
}

describe("npm start with TLS_CERT/TLS_KEY", () => {
  it("refuses an unreadable certificate", async () => {
    await failsClearly(
      { TLS_CERT: path.join(tmp, "missing.pem"), TLS_KEY: path.join(tmp, "missing.key") },
      /✖ The certificate .*missing\.pem cannot be read \(ENOENT\)/,
    );
  });

  it("refuses a key that does not belong to the certificate", async () => {
    const a = selfSignedCertificate(tmp, "a");
    const b = selfSignedCertificate(tmp, "b");
    await failsClearly({ TLS_CERT: a.cert, TLS_KEY: b.key }, /✖ The key .*b\.key does not belong to the certificate/);
  });

  it("wants both files", async () => {
    await failsClearly({ TLS_CERT: path.join(tmp, "a.pem") }, /✖ Set both TLS_CERT and TLS_KEY/);
  });
});
