import { createHash } from "node:crypto";
import http from "node:http";
import { expectedAuthorization } from "./sigv4-check";

export interface S3TestServer {
  endpoint: string;
  /** Stored objects by request path (/bucket/key). */
  objects: Map<string, Buffer>;
  seen: { method: string; url: string; authorization: string }[];
  close(): Promise<void>;
}

/**
 * A tiny S3 on a free port: checks the body hash and the SigV4 signature (recomputed from what arrived with its own
 * implementation), then stores, returns and deletes objects.
 */
export async function startS3TestServer(accessKeyId: string, secret: string): Promise<S3TestServer> {
  const objects = new Map<string, Buffer>();
  const seen: S3TestServer["seen"] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const authorization = req.headers.authorization ?? "";
      seen.push({ method: req.method!, url: req.url!, authorization });
      const m =
        /^AWS4-HMAC-SHA256 Credential=([A-Z0-9]+)\/(\d{8})\/([a-z0-9-]+)\/s3\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/.exec(
          authorization,
        );
      const payloadHash = String(req.headers["x-amz-content-sha256"]);
      if (!m || m[1] !== accessKeyId || createHash("sha256").update(body).digest("hex") !== payloadHash) return res.writeHead(400).end("bad request");
      const signed = m[4]!.split(";");
      if (!["host", "x-amz-content-sha256", "x-amz-date"].every((h) => signed.includes(h))) return res.writeHead(400).end("unsigned header");
      const headers = Object.fromEntries(signed.map((h) => [h, String(req.headers[h])]));
      const credentials = { accessKeyId: m[1]!, secretAccessKey: secret, region: m[3]! };
      const expected = expectedAuthorization({
        method: req.method!,
        path: req.url!,
        headers,
        payloadHash,
        amzDate: String(req.headers["x-amz-date"]),
        credentials,
      });
      if (expected !== authorization) return res.writeHead(403).end("<Error><Code>SignatureDoesNotMatch</Code></Error>");
      const key = req.url!;
      if (req.method === "PUT") {
        objects.set(key, body);
        return res.writeHead(200).end();
      }
      if (req.method === "GET")
        return objects.has(key) ? res.writeHead(200).end(objects.get(key)) : res.writeHead(404).end("<Error><Code>NoSuchKey</Code></Error>");
      if (req.method === "DELETE") {
        objects.delete(key);
        return res.writeHead(204).end();
      }
      res.writeHead(405).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return { endpoint, objects, seen, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
