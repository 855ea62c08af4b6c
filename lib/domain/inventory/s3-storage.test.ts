import { createHash } from "node:crypto";
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authorizationFor } from "./s3-signature";
import { S3StorageError, s3FileStorage, type S3Config } from "./s3-storage";

const SECRET = "test-secret-key-0123456789";
const objects = new Map<string, Buffer>();
const seen: { method: string; url: string; authorization: string }[] = [];
let server: http.Server;
let endpoint = "";

/** A tiny S3: checks the body hash and the SigV4 signature (recomputed from what arrived), then stores objects. */
beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const authorization = req.headers.authorization ?? "";
      seen.push({ method: req.method!, url: req.url!, authorization });
      const m = /^AWS4-HMAC-SHA256 Credential=([A-Z0-9]+)\/(\d{8})\/([a-z0-9-]+)\/s3\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/.exec(authorization);
      const payloadHash = String(req.headers["x-amz-content-sha256"]);
      if (!m || m[1] !== "AKIDTEST" || createHash("sha256").update(body).digest("hex") !== payloadHash) return res.writeHead(400).end("bad request");
      const signed = m[4]!.split(";");
      if (!["host", "x-amz-content-sha256", "x-amz-date"].every((h) => signed.includes(h))) return res.writeHead(400).end("unsigned header");
      const headers = Object.fromEntries(signed.map((h) => [h, String(req.headers[h])]));
      const expected = authorizationFor({ method: req.method!, path: req.url!, headers, payloadHash, amzDate: String(req.headers["x-amz-date"]), credentials: { accessKeyId: m[1]!, secretAccessKey: SECRET, region: m[3]! } });
      if (expected !== authorization) return res.writeHead(403).end("<Error><Code>SignatureDoesNotMatch</Code></Error>");
      const key = req.url!;
      if (req.method === "PUT") {
        objects.set(key, body);
        return res.writeHead(200).end();
      }
      if (req.method === "GET") return objects.has(key) ? res.writeHead(200).end(objects.get(key)) : res.writeHead(404).end("<Error><Code>NoSuchKey</Code></Error>");
      if (req.method === "DELETE") {
        objects.delete(key);
        return res.writeHead(204).end();
      }
      res.writeHead(405).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const config = (over: Partial<S3Config> = {}): S3Config => ({ endpoint, bucket: "photos", region: "eu-central-1", accessKeyId: "AKIDTEST", secretAccessKey: SECRET, ...over });

describe("S3 file storage", () => {
  it("signs exactly as AWS's documented example (GET Object with Range)", () => {
    const auth = authorizationFor({
      method: "GET",
      path: "/test.txt",
      headers: { Host: "examplebucket.s3.amazonaws.com", Range: "bytes=0-9", "x-amz-content-sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "x-amz-date": "20130524T000000Z" },
      payloadHash: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      amzDate: "20130524T000000Z",
      credentials: { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", region: "us-east-1" },
    });
    expect(auth).toBe(
      "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41",
    );
  });

  it("stores, reads and deletes objects with signed requests (path-style)", async () => {
    const storage = s3FileStorage(config());
    const data = Buffer.from([0, 1, 2, 250, 251, 252]);
    await storage.put("things/12-abc-thumb.webp", data);
    expect(objects.get("/photos/things/12-abc-thumb.webp")).toEqual(data);
    expect(await storage.get("things/12-abc-thumb.webp")).toEqual(data);
    expect(await storage.get("things/missing.webp")).toBeNull();
    await storage.delete("things/12-abc-thumb.webp");
    expect(await storage.get("things/12-abc-thumb.webp")).toBeNull();
    expect(seen.at(-1)!.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDTEST\/\d{8}\/eu-central-1\/s3\/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=[0-9a-f]{64}$/);
  });

  it("a wrong secret is refused by the server and reported, not ignored", async () => {
    const storage = s3FileStorage(config({ secretAccessKey: "wrong" }));
    await expect(storage.put("space/logo-1.png", Buffer.from("x"))).rejects.toThrow(S3StorageError);
    await expect(storage.put("space/logo-1.png", Buffer.from("x"))).rejects.toThrow(/HTTP 403.*SignatureDoesNotMatch/);
    expect(objects.has("/photos/space/logo-1.png")).toBe(false);
  });

  it("refuses keys that could leave the bucket's folder", async () => {
    await expect(s3FileStorage(config()).put("../etc/passwd", Buffer.from("x"))).rejects.toThrow(/Unsafe storage key/);
  });
});

describe("S3 configuration from the environment", () => {
  it("all four set: S3; none: local files; half: a clear error", async () => {
    const { parseEnv, s3ConfigOf } = await import("@/lib/env");
    expect(s3ConfigOf(parseEnv({}))).toBeNull();
    const full = parseEnv({ S3_ENDPOINT: "http://minio.local:9000", S3_BUCKET: "b", S3_ACCESS_KEY_ID: "k", S3_SECRET_ACCESS_KEY: "s" });
    expect(s3ConfigOf(full)).toEqual({ endpoint: "http://minio.local:9000", bucket: "b", region: "us-east-1", accessKeyId: "k", secretAccessKey: "s" });
    expect(() => s3ConfigOf(parseEnv({ S3_BUCKET: "b" }))).toThrow(/S3_ENDPOINT, S3_BUCKET/);
  });
});
