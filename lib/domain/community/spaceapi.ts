import { LOGO_PATH } from "../settings/space-logo";
import type { SpaceSettings } from "../settings/space-settings";
import type { MachineStateRow } from "./machine-states";

export interface SpaceApiFacts {
  settings: Pick<SpaceSettings, "name" | "logoUrl" | "logoKey" | "address" | "latitude" | "longitude" | "contactEmail" | "website" | "timeZone">;
  /** The space's public address (settings.publicUrl), for absolute links. */
  baseUrl: string;
  status: { open: boolean; lastChange: Date; message: string } | null;
  /** null when machine data is unavailable: the sensor is then left out rather than reported as zero. */
  machines: MachineStateRow[] | null;
}

const absolute = (url: string, base: string) => {
  try {
    return new URL(url, `${base}/`).toString();
  } catch {
    return `${base}/`;
  }
};

/**
 * The SpaceAPI v15 document (https://spaceapi.io). Custom fields carry the "ext_" prefix the schema asks for.
 * No person's name is published: trigger_person is left out on purpose.
 */
export function buildSpaceApi(facts: SpaceApiFacts): Record<string, unknown> {
  const { settings, baseUrl } = facts;
  const doc: Record<string, unknown> = {
    api_compatibility: ["15"],
    space: settings.name,
    // An uploaded logo is served at a stable address; else the logo address from the settings, else our icon.
    logo: absolute(settings.logoKey ? LOGO_PATH : (settings.logoUrl ?? "/icon.svg"), baseUrl),
    url: settings.website ? absolute(settings.website, baseUrl) : `${baseUrl}/`,
    contact: settings.contactEmail ? { email: settings.contactEmail } : {},
  };
  if (settings.address || (settings.latitude != null && settings.longitude != null)) {
    doc.location = {
      ...(settings.address ? { address: settings.address } : {}),
      ...(settings.latitude != null && settings.longitude != null ? { lat: settings.latitude, lon: settings.longitude } : {}),
      timezone: settings.timeZone,
    };
  }
  doc.state = facts.status
    ? { open: facts.status.open, lastchange: Math.floor(facts.status.lastChange.getTime() / 1000), ...(facts.status.message ? { message: facts.status.message } : {}) }
    : {};
  if (facts.machines && facts.machines.length > 0) {
    const count = (state: string) => facts.machines!.filter((m) => m.state === state).length;
    doc.sensors = {
      ext_machines: [
        { value: count("in_use"), name: "in_use", description: "machines in use now" },
        { value: count("free"), name: "free", description: "machines free" },
        { value: count("out_of_service"), name: "out_of_service", description: "machines out of service" },
      ],
    };
  }
  doc.feeds = { blog: { type: "atom", url: `${baseUrl}/news.xml` } };
  return doc;
}
