import type { integrationsEn } from "./integrations-en";

export const integrationsDe: Record<keyof typeof integrationsEn, string> = {
  "feed.formats": "Dieselbe Adresse mit .xml (xCal) oder .json (jCal) statt .ics liefert den Feed in diesen Formaten, für Programme, die sie bevorzugen.",
};
