import { NextResponse, type NextRequest } from "next/server";

/**
 * Tells server components which page was asked for (they have no URL of their own), so that a guard sending
 * an anonymous visitor to the login page can bring them back afterwards. Only ever used through safeNextPath.
 */
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set("x-ms-path", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // Pages only: not the API, feeds, Next's assets or files with an extension.
  matcher: ["/((?!api/|_next/|feeds/|.*\\.[a-z0-9]+$).*)"],
};
