import { execFileSync } from "node:child_process";
import path from "node:path";

/**
 * A self-signed certificate for localhost and 127.0.0.1, valid two days, made by openssl in `dir` as `<name>.pem`
 * and `<name>.key` (two names: two certificates whose keys do not match each other).
 */
export function selfSignedCertificate(dir: string, name: string): { cert: string; key: string } {
  const cert = path.join(dir, `${name}.pem`);
  const key = path.join(dir, `${name}.key`);
  const names = ["-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"];
  execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "2", ...names], { stdio: "ignore" });
  return { cert, key };
}
