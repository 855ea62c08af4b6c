"use client";

import { ErrorView } from "@/components/ui/error-view";

/**
 * A failing admin page: as the root's, plus the error's reference (Next's digest), which the server's log lists
 * beside the real message — the admin who sees it is the one who can look it up or quote it in a report.
 */
export default function AdminErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorView error={error} retry={retry} showReference />;
}
