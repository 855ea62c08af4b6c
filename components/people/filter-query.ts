import type { PeopleFilter } from "@/lib/domain/people/people-list";

/** The filter as a query string, so pages, sorting and exports keep it. */
export function filterQuery(f: PeopleFilter, overrides: Record<string, string | number> = {}): string {
  const entries = Object.entries({
    q: f.q,
    status: f.status,
    type: f.type,
    committee: f.committee,
    trained: f.trained,
    study: f.study,
    sort: f.sort,
    dir: f.dir,
    ...overrides,
  });
  return new URLSearchParams(entries.filter(([, v]) => v !== undefined && v !== "").map(([k, v]) => [k, String(v)])).toString();
}
