import { createRequire } from "node:module";
import type { IncomingMessage, ServerResponse } from "node:http";

// In the web server (next.config.ts `compress: false`), so error-shell-fallback.ts sees the bytes before they are compressed.
type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
const nextModule = createRequire(import.meta.url);
const compress = (nextModule("next/dist/compiled/compression") as () => Middleware)();
const { releaseCompressionStream } = nextModule("next/dist/server/lib/release-compression-stream") as { releaseCompressionStream(res: ServerResponse): void };

/**
 * Next's compression as Next ran it (server/lib/router-server.js): the same middleware, and on a client gone before
 * the end its zlib stream released (it would leak past GC).
 */
export function compressLikeNext(req: IncomingMessage, res: ServerResponse): void {
  compress(req, res, () => {});
  res.once("close", () => {
    if (!res.writableFinished) releaseCompressionStream(res);
  });
}
