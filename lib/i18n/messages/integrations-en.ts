/** Connections to the space's other services: feed formats, mailing lists, single sign-on. */
export const integrationsEn = {
  "feed.formats": "The same address with .xml (xCal) or .json (jCal) instead of .ics gives the feed in those formats, for programs that prefer them.",
};
