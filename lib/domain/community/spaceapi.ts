import { LOGO_PATH } from "../settings/space-logo";
import type { SpaceSettings } from "../settings/space-settings";
import { MACHINE_STATES, type MachineState } from "../machines/machine-state";

export interface SpaceApiFacts {
  settings: Pick<SpaceSettings, "name" | "logoUrl" | "logoKey" | "address" | "latitude" | "longitude" | "contactEmail" | "website" | "timeZone">;
  /** The space's public address (settings.publicUrl), for absolute links. */
  baseUrl: string;
  status: { open: boolean; lastChange: Date; message: string } | null;
  /**
   * Machines per state, the dashboard's counts (loadDashboard) so SpaceAPI, start page and dashboard agree; null when
   * machine data is unavailable: the sensor is then left out rather than reported as zero.
   */
  machines: Record<MachineState, number> | null;
}

const SENSOR_TEXT: Record<MachineState, string> = {
  in_use: "machines in use now",
  blocked: "machines blocked",
  maintenance_due: "machines waiting for maintenance",
  offline: "machines whose board has not been heard from recently",
  free: "machines free",
};

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
    ? {
        open: facts.status.open,
        lastchange: Math.floor(facts.status.lastChange.getTime() / 1000),
        ...(facts.status.message ? { message: facts.status.message } : {}),
      }
    : {};
  const counts = facts.machines;
  if (counts && MACHINE_STATES.some((s) => counts[s] > 0)) {
    doc.sensors = { ext_machines: MACHINE_STATES.map((s) => ({ value: counts[s], name: s, description: SENSOR_TEXT[s] })) };
  }
  doc.feeds = { blog: { type: "atom", url: `${baseUrl}/news.xml` } };
  return doc;
}
