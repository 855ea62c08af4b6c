/** The association year starts on a configurable day (settings: yearStartMonth/yearStartDay); it ends the day before. */
function yearEndIn(year: number, startMonth: number, startDay: number): string {
  // Day 0 of the start month wraps to the previous month's last day, so Date.UTC does the calendar work.
  const end = new Date(Date.UTC(year, startMonth - 1, startDay - 1));
  return end.toISOString().slice(0, 10);
}

/**
 * The year end an end-of-year action most likely means on `today` (YYYY-MM-DD): whichever lies closest, before or
 * after, so pressing the button in the last days of the year or the first days of the next picks the same end.
 */
export function nearestYearEnd(today: string, startMonth: number, startDay: number): string {
  const year = Number(today.slice(0, 4));
  const day = (s: string) => Date.parse(`${s}T00:00:00Z`);
  const candidates = [year - 1, year, year + 1].map((y) => yearEndIn(y, startMonth, startDay));
  return candidates.reduce((best, c) => (Math.abs(day(c) - day(today)) < Math.abs(day(best) - day(today)) ? c : best));
}
