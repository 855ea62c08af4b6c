import ICAL from "ical.js";

/** A feed's events as a calendar app reads them, its time zones known (registered from the feed's VTIMEZONEs). */
export function feedVEvents(body: string): ICAL.Event[] {
  const cal = new ICAL.Component(ICAL.parse(body));
  for (const tz of cal.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  return cal.getAllSubcomponents("vevent").map((c) => new ICAL.Event(c));
}
