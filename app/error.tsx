"use client";

import { ErrorView } from "@/components/ui/error-view";

// The root layout's next-intl provider carries the error page's messages in the request's language (CLIENT_KEYS).
// A failing page keeps the header; app/(admin)/error.tsx adds the reference an admin can quote.
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorView error={error} retry={retry} />;
}
