import { Suspense, type ReactNode } from "react";

/** The skeleton bars' look, kept in one place: `Loading` is the only place it is written. */
export const skeletonClass = "animate-pulse rounded bg-slate-200";

/**
 * What a part of a page shows while its data is still coming: its translated "Loading …" as a status screen readers
 * announce (role="status"), and grey bars in the part's place so the page does not jump when it arrives.
 * `lines`: how many bars (a list's first rows).
 */
export function Loading({ label, lines = 3 }: { label: string; lines?: number }) {
  return (
    <div role="status" aria-live="polite" className="space-y-3">
      <p className="text-sm text-slate-600">{label}</p>
      <div aria-hidden="true" className="space-y-2">
        {Array.from({ length: lines }, (_, i) => (
          <div key={i} className={`h-4 ${skeletonClass} ${i % 3 === 2 ? "w-2/3" : "w-full"}`} />
        ))}
      </div>
    </div>
  );
}

/**
 * The one way a page streams a slow part: the page answers its guards first (who asks, may they, does the thing
 * exist — so 307, 403 and 404 still go out as status codes), then renders this around the part that waits for
 * data. The response starts with the page's frame and `<Loading>`; the part follows when its data is there.
 * Never put a guard (redirect, forbidden, notFound) inside: once the frame is sent the status is 200.
 */
export function LoadingBoundary({ label, lines, children }: { label: string; lines?: number; children: ReactNode }) {
  return <Suspense fallback={<Loading label={label} lines={lines} />}>{children}</Suspense>;
}
