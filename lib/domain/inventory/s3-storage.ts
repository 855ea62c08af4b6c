import type { FileStorage } from "./file-storage";
import { amzDateOf, authorizationFor, encodePath, sha256Hex, type S3Credentials } from "./s3-signature";

export interface S3Config extends S3Credentials {
  /** e.g. https://s3.eu-central-1.amazonaws.com or http://minio.local:9000 (path-style: endpoint/bucket/key). */
  endpoint: string;
  bucket: string;
}

export class S3StorageError extends Error {}

const SAFE_KEY = /^[a-z0-9][a-z0-9/_.-]{0,200}$/;

/**
 * The FileStorage on an S3-compatible service (AWS, MinIO, Garage, Ceph …): PUT, GET and DELETE of objects,
 * each signed with Signature Version 4. No SDK: three requests do not need one.
 */
export function s3FileStorage(config: S3Config, fetchImpl: typeof fetch = fetch, clock: () => Date = () => new Date()): FileStorage {
  const base = new URL(config.endpoint);
  const send = async (method: "PUT" | "GET" | "DELETE", key: string, body?: Buffer): Promise<Response> => {
    if (!SAFE_KEY.test(key) || key.includes("..")) throw new Error(`Unsafe storage key: ${key}`);
    const path = `${base.pathname.replace(/\/$/, "")}/${encodePath(config.bucket)}/${encodePath(key)}`;
    const payloadHash = sha256Hex(body ?? "");
    const amzDate = amzDateOf(clock());
    const headers: Record<string, string> = { host: base.host, "x-amz-content-sha256": payloadHash, "x-amz-date": amzDate };
    if (body) headers["content-type"] = "application/octet-stream";
    const authorization = authorizationFor({ method, path, headers, payloadHash, amzDate, credentials: config });
    const { host: _host, ...sent } = headers; // fetch sets Host itself, from the URL
    return fetchImpl(new URL(path, base), { method, headers: { ...sent, authorization }, body: body ? new Uint8Array(body) : undefined });
  };
  const fail = async (what: string, response: Response) => {
    const text = (await response.text().catch(() => "")).slice(0, 300);
    throw new S3StorageError(`S3 ${what} failed: HTTP ${response.status} ${text}`);
  };
  return {
    async put(key, data) {
      const response = await send("PUT", key, data);
      if (!response.ok) await fail(`upload of ${key}`, response);
      await response.arrayBuffer();
    },
    async get(key) {
      const response = await send("GET", key);
      if (response.status === 404) {
        await response.arrayBuffer();
        return null;
      }
      if (!response.ok) await fail(`download of ${key}`, response);
      return Buffer.from(await response.arrayBuffer());
    },
    async delete(key) {
      const response = await send("DELETE", key);
      if (!response.ok && response.status !== 404) await fail(`delete of ${key}`, response);
      await response.arrayBuffer();
    },
  };
}
