import type { Instrumentation } from "next";

// Next calls this for every error a page, route or server action throws (not for notFound, forbidden or redirect).
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ getLogger }, { logRequestError }] = await Promise.all([import("@/lib/web/logger"), import("@/lib/web/request-errors")]);
  logRequestError(getLogger(), error, request, context);
};
