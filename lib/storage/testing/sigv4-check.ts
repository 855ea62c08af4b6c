import { createHash, createHmac } from "node:crypto";

/**
 * An independent AWS Signature Version 4 for S3 (path-style, no query string), written from AWS's documentation.
 * Tests only: the S3 test server recomputes what a request's signature must be, so the library that signs our
 * requests (aws4fetch) is checked against a second implementation, itself checked against AWS's published example.
 */
export interface SignInput {
  method: string;
  /** Already encoded, e.g. /bucket/things/1-thumb.webp */
  path: string;
  /** Every header to sign, host included; names in any case. */
  headers: Record<string, string>;
  /** Hex SHA-256 of the body (also sent as x-amz-content-sha256). */
  payloadHash: string;
  /** YYYYMMDDTHHMMSSZ, as in x-amz-date. */
  amzDate: string;
  credentials: { accessKeyId: string; secretAccessKey: string; region: string };
}

const sha256Hex = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");
const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data).digest();

/** The Authorization header value a correctly signed request carries. */
export function expectedAuthorization(input: SignInput): string {
  const headers = Object.entries(input.headers)
    .map(([k, v]) => [k.toLowerCase(), v.trim().replace(/\s+/g, " ")] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const signedHeaders = headers.map(([k]) => k).join(";");
  const canonicalRequest = [input.method, input.path, "", ...headers.map(([k, v]) => `${k}:${v}`), "", signedHeaders, input.payloadHash].join("\n");
  const day = input.amzDate.slice(0, 8);
  const scope = `${day}/${input.credentials.region}/s3/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", input.amzDate, scope, sha256Hex(canonicalRequest)].join("\n");
  const key = hmac(hmac(hmac(hmac(`AWS4${input.credentials.secretAccessKey}`, day), input.credentials.region), "s3"), "aws4_request");
  const signature = createHmac("sha256", key).update(stringToSign).digest("hex");
  return `AWS4-HMAC-SHA256 Credential=${input.credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}
