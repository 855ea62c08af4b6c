import { createHash } from "node:crypto";
import { AwsClient } from "aws4fetch";
import { checkStorageKey, type FileStorage } from "./file-storage";

export interface S3Config {
  /** e.g. https://s3.eu-central-1.amazonaws.com or http://minio.local:9000 (path-style: endpoint/bucket/key). */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

export class S3StorageError extends Error {}

/** S3 encodes each path segment once (RFC 3986 unreserved characters kept), slashes stay. */
const encodePath = (path: string) =>
  path
    .split("/")
    .map((s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join("/");

/** YYYYMMDDTHHMMSSZ, as in x-amz-date. */
const amzDateOf = (at: Date) => at.toISOString().replace(/[-:]|\.\d{3}/g, "");

/**
 * The FileStorage on an S3-compatible service (AWS, MinIO, Garage, Ceph …): PUT, GET and DELETE of objects,
 * signed with Signature Version 4 by aws4fetch. The body's SHA-256 is signed too (aws4fetch would send
 * UNSIGNED-PAYLOAD for S3), so the service refuses a body changed on the way.
 */
export function s3FileStorage(config: S3Config, fetchImpl: typeof fetch = fetch, clock: () => Date = () => new Date()): FileStorage {
  const base = new URL(config.endpoint);
  const client = new AwsClient({ accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey, region: config.region, service: "s3" });
  const send = async (method: "PUT" | "GET" | "DELETE", key: string, body?: Buffer): Promise<Response> => {
    const path = `${base.pathname.replace(/\/$/, "")}/${encodePath(config.bucket)}/${encodePath(checkStorageKey(key))}`;
    const headers: Record<string, string> = {
      "x-amz-content-sha256": createHash("sha256")
        .update(body ?? "")
        .digest("hex"),
    };
    if (body) headers["content-type"] = "application/octet-stream";
    const request = await client.sign(new URL(path, base).toString(), {
      method,
      headers,
      body: body ? new Uint8Array(body) : undefined,
      aws: { datetime: amzDateOf(clock()) },
    });
    return fetchImpl(request);
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
