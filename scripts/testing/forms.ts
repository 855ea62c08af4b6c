import { rawRequest, type RawResponse } from "./web-app";

const unescape = (v: string) =>
  v
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/**
 * Submits a page's server-action form as a browser without JavaScript does (multipart POST of its hidden fields
 * plus `fields`), with exactly the headers given: the form is the first one on the page holding all of `fields`.
 */
export async function submitForm(port: number, page: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<RawResponse> {
  const html = (await rawRequest(port, { path: page, headers })).body;
  const form = (html.match(/<form[\s\S]*?<\/form>/g) ?? []).find((f) => Object.keys(fields).every((name) => f.includes(`name="${name}"`)));
  if (!form) throw new Error(`No form with ${Object.keys(fields).join(", ")} on ${page}`);
  const hidden = [...form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/>/g)].map((m) => [m[1]!, unescape(m[2] ?? "")] as const);
  const boundary = `----form${Math.random().toString(16).slice(2)}`;
  const parts = [...hidden, ...Object.entries(fields)].map(
    ([name, value]) => `--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  const body = `${parts.join("")}--${boundary}--\r\n`;
  return rawRequest(port, {
    method: "POST",
    path: page,
    headers: { ...headers, "content-type": `multipart/form-data; boundary=${boundary}`, "content-length": String(Buffer.byteLength(body)) },
    body,
  });
}
