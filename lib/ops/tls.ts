import { X509Certificate, createPrivateKey } from "node:crypto";
import fs from "node:fs";

/** A certificate problem the person running the server can fix, said in one line. */
export class TlsConfigError extends Error {}

export interface TlsMaterial {
  cert: Buffer;
  key: Buffer;
  validTo: Date;
  subject: string;
}

/** Reads and checks TLS_CERT/TLS_KEY before the server starts: readable, PEM, not expired, key matching. */
export function loadTlsMaterial(certFile: string, keyFile: string, now = new Date()): TlsMaterial {
  const read = (file: string, what: string) => {
    try {
      return fs.readFileSync(file);
    } catch (error) {
      throw new TlsConfigError(
        `The ${what} ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"}). Check TLS_${what === "certificate" ? "CERT" : "KEY"} and the file's permissions.`,
      );
    }
  };
  const cert = read(certFile, "certificate");
  const key = read(keyFile, "key");
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(cert);
  } catch {
    throw new TlsConfigError(`${certFile} is not a PEM certificate.`);
  }
  let privateKey;
  try {
    privateKey = createPrivateKey(key);
  } catch {
    throw new TlsConfigError(`${keyFile} is not a PEM private key (or it is encrypted with a passphrase, which is not supported).`);
  }
  const validTo = new Date(x509.validTo);
  if (validTo.getTime() <= now.getTime()) {
    throw new TlsConfigError(`The certificate ${certFile} expired on ${validTo.toISOString()}. Renew it (e.g. certbot renew) and restart.`);
  }
  if (new Date(x509.validFrom).getTime() > now.getTime()) {
    throw new TlsConfigError(`The certificate ${certFile} is not valid before ${new Date(x509.validFrom).toISOString()}. Check the system clock.`);
  }
  if (!x509.checkPrivateKey(privateKey)) throw new TlsConfigError(`The key ${keyFile} does not belong to the certificate ${certFile}.`);
  return { cert, key, validTo, subject: x509.subject };
}
