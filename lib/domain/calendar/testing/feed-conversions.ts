import { icsToJCal, jcalToXCal, type FeedFormat } from "../feed-formats";

/** A whole feed's text converted by parsing it (ical.js): what the served .json and .xml must equal (tests only). */
export function icsToJCalText(ics: string): string {
  return JSON.stringify(icsToJCal(ics));
}

export function icsToXCal(ics: string): string {
  return jcalToXCal(icsToJCal(ics));
}

/** The representation a feed is served in, converted from its whole text. */
export function renderFeedAs(format: FeedFormat, ics: string): string {
  if (format === "xml") return icsToXCal(ics);
  if (format === "json") return icsToJCalText(ics);
  return ics;
}
