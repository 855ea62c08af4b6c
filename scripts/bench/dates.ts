/**
 * `npm run bench:dates`: what showing the dates of one calendar page costs (835 date-times, the count issue 20
 * measured), building an Intl.DateTimeFormat for each date against lib/time's shared formatters. Time is measured
 * interleaved after warm-up; memory (RSS, which holds ICU's memory outside the JS heap) each way in turn.
 */
import { formatDateTime, formatterCount } from "@/lib/time";

const DATES = 835;
const REQUESTS = Number(process.argv[2] ?? 50);
const dates = Array.from({ length: DATES }, (_, i) => new Date(Date.UTC(2026, 11, 1, 0, i * 37)));
const perDate = (d: Date) => new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Vienna" }).format(d);
const shared = (d: Date) => formatDateTime(d, "en", "Europe/Vienna");
const page = (fn: (d: Date) => string) => {
  for (const d of dates) fn(d);
};

for (let i = 0; i < 3; i++) [perDate, shared].forEach(page); // warm-up
const ms = { perDate: 0, shared: 0 };
for (let r = 0; r < REQUESTS; r++) {
  for (const [name, fn] of [
    ["perDate", perDate],
    ["shared", shared],
  ] as const) {
    const start = performance.now();
    page(fn);
    ms[name] += performance.now() - start;
  }
}
const rssGrowth = (fn: (d: Date) => string) => {
  const before = process.memoryUsage().rss;
  for (let r = 0; r < REQUESTS; r++) page(fn);
  return (process.memoryUsage().rss - before) / 1048576;
};
const sharedMiB = rssGrowth(shared);
const perDateMiB = rssGrowth(perDate);
console.log(`${DATES} dates per page, ${REQUESTS} pages`);
console.log(`new formatter per date   ${(ms.perDate / REQUESTS).toFixed(2).padStart(8)} ms/page   RSS +${perDateMiB.toFixed(1)} MiB`);
console.log(
  `lib/time shared          ${(ms.shared / REQUESTS).toFixed(2).padStart(8)} ms/page   RSS +${sharedMiB.toFixed(1)} MiB   (${formatterCount()} formatter held)`,
);
console.log(`ratio                    ×${(ms.perDate / ms.shared).toFixed(0)} time`);
