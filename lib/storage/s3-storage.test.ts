import { AwsClient } from "aws4fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { S3StorageError, s3FileStorage, type S3Config } from "./s3-storage";
import { startS3TestServer, type S3TestServer } from "./testing/s3-test-server";
import { expectedAuthorization } from "./testing/sigv4-check";

const SECRET = "test-secret-key-0123456789";
let s3: S3TestServer;

beforeAll(async () => {
  s3 = await startS3TestServer("AKIDTEST", SECRET);
});
afterAll(() => s3.close());

const config = (over: Partial<S3Config> = {}): S3Config => ({
  endpoint: s3.endpoint,
  bucket: "photos",
  region: "eu-central-1",
  accessKeyId: "AKIDTEST",
  secretAccessKey: SECRET,
  ...over,
});

// AWS's documented example "GET Object" with a Range header (Signature Version 4, header-based auth).
const AWS_EXAMPLE = {
  credentials: { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", region: "us-east-1" },
  emptyHash: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
  authorization:
    "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41",
};

describe("S3 file storage", () => {
  it("the test server's own signature check agrees with AWS's documented example", () => {
    const { credentials, emptyHash } = AWS_EXAMPLE;
    const headers = { Host: "examplebucket.s3.amazonaws.com", Range: "bytes=0-9", "x-amz-content-sha256": emptyHash, "x-amz-date": "20130524T000000Z" };
    expect(expectedAuthorization({ method: "GET", path: "/test.txt", headers, payloadHash: emptyHash, amzDate: "20130524T000000Z", credentials })).toBe(
      AWS_EXAMPLE.authorization,
    );
  });

  it("the signing library (aws4fetch) signs exactly as AWS's documented example", async () => {
    const { credentials, emptyHash } = AWS_EXAMPLE;
    const client = new AwsClient({ ...credentials, service: "s3" });
    const headers = { Range: "bytes=0-9", "x-amz-content-sha256": emptyHash };
    const request = await client.sign("https://examplebucket.s3.amazonaws.com/test.txt", {
      method: "GET",
      headers,
      aws: { datetime: "20130524T000000Z", allHeaders: true },
    });
    expect(request.headers.get("authorization")).toBe(AWS_EXAMPLE.authorization);
  });

  it("stores, reads and deletes objects with signed requests (path-style)", async () => {
    const storage = s3FileStorage(config());
    const data = Buffer.from([0, 1, 2, 250, 251, 252]);
    await storage.put("things/12-abc-thumb.webp", data);
    expect(s3.objects.get("/photos/things/12-abc-thumb.webp")).toEqual(data);
    expect(await storage.get("things/12-abc-thumb.webp")).toEqual(data);
    expect(await storage.get("things/missing.webp")).toBeNull();
    await storage.delete("things/12-abc-thumb.webp");
    expect(await storage.get("things/12-abc-thumb.webp")).toBeNull();
    expect(s3.seen.at(-1)!.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDTEST\/\d{8}\/eu-central-1\/s3\/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=[0-9a-f]{64}$/,
    );
  });

  it("signs with the given clock", async () => {
    await s3FileStorage(config(), fetch, () => new Date("2026-03-29T01:30:00.123Z")).put("space/logo-2.png", Buffer.from("logo"));
    expect(s3.seen.at(-1)!.authorization).toContain("Credential=AKIDTEST/20260329/eu-central-1/s3/aws4_request");
  });

  it("a wrong secret is refused by the server and reported, not ignored", async () => {
    const storage = s3FileStorage(config({ secretAccessKey: "wrong" }));
    await expect(storage.put("space/logo-1.png", Buffer.from("x"))).rejects.toThrow(S3StorageError);
    await expect(storage.put("space/logo-1.png", Buffer.from("x"))).rejects.toThrow(/HTTP 403.*SignatureDoesNotMatch/);
    expect(s3.objects.has("/photos/space/logo-1.png")).toBe(false);
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
