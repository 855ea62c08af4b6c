import { seesMembersOnly } from "@/lib/domain/access/members-only";
import type { Permission } from "@/lib/domain/access/permissions";
import type { MessageKey } from "@/lib/i18n/translate";

export interface NavLink {
  href: string;
  label: MessageKey;
}

/** Admin links come in areas (people, equipment, calendar, system); the other groups have one untitled section. */
export interface NavSection {
  title?: MessageKey;
  links: NavLink[];
}

export interface NavGroup {
  key: "mySpace" | "calendarMachines" | "inventory" | "admin";
  label: MessageKey;
  sections: NavSection[];
}

export interface NavViewer {
  permissions: ReadonlySet<Permission>;
}

type Entry = NavLink & { when?: boolean };

function section(title: MessageKey | undefined, entries: Entry[]): NavSection {
  const links = entries.filter((e) => e.when !== false).map(({ href, label }) => ({ href, label }));
  return title ? { title, links } : { links };
}

/**
 * The main menu for a viewer: only what their permissions open (the pages check again; this only hides what would be
 * refused). Groups and areas without a link are left out, so a member never sees an empty "Admin".
 */
export function navigationFor(viewer: NavViewer | null, options: { inventory: boolean }): NavGroup[] {
  const has = (permission: Permission) => viewer?.permissions.has(permission) ?? false;
  const member = viewer !== null;
  // Bookings and the calendar feed are members-only content (applicants see what visitors see).
  const inGoodStanding = seesMembersOnly(viewer);
  const groups: NavGroup[] = [
    {
      key: "mySpace",
      label: "nav.group.mySpace",
      sections: [
        section(undefined, [
          { href: "/home", label: "nav.home", when: member },
          { href: "/profile", label: "nav.profile", when: member },
          { href: "/equipment", label: "nav.equipment", when: member },
          { href: "/bookings", label: "nav.bookings", when: inGoodStanding },
          { href: "/home/usage", label: "nav.myUsage", when: member },
          { href: "/calendar/feed", label: "nav.feed", when: member },
          { href: "/polls", label: "nav.polls", when: member },
          { href: "/directory", label: "nav.directory", when: has("directory.read") },
          { href: "/profile/tokens", label: "nav.tokens", when: member },
        ]),
      ],
    },
    {
      key: "calendarMachines",
      label: "nav.group.calendarMachines",
      sections: [
        section(undefined, [
          { href: "/calendar", label: "nav.calendar" },
          { href: "/machines", label: "nav.machines" },
          { href: "/news", label: "nav.newsRead" },
          // Members have the directory; others see who made their name public.
          { href: "/people", label: "nav.peoplePublic", when: !has("directory.read") },
          { href: "/training", label: "nav.training", when: has("training.run") },
          { href: "/admin/usage", label: "nav.usage", when: has("members.read") || has("machines.operate") },
          { href: "/admin/maintenance", label: "nav.maintenance", when: has("equipment.manage") || has("machines.operate") },
        ]),
      ],
    },
    {
      key: "inventory",
      label: "nav.inventory",
      sections: [
        section(undefined, [
          { href: "/things", label: "nav.things", when: options.inventory },
          { href: "/locations", label: "nav.locations", when: options.inventory },
          { href: "/loans", label: "nav.loans", when: options.inventory },
        ]),
      ],
    },
    {
      key: "admin",
      label: "nav.group.admin",
      sections: [
        section("nav.area.people", [
          { href: "/admin/people", label: "nav.people", when: has("members.read") },
          { href: "/admin/people/applicants", label: "nav.applicants", when: has("members.read") },
          { href: "/admin/membership", label: "nav.membership", when: has("members.read") },
          { href: "/admin/cards", label: "nav.cards", when: has("members.write") },
          { href: "/admin/audit", label: "nav.audit", when: has("audit.read") },
        ]),
        section("nav.area.equipment", [
          { href: "/admin/equipment", label: "nav.adminEquipment", when: has("equipment.manage") },
          { href: "/admin/equipment/people", label: "nav.equipmentPeople", when: has("equipment.manage") },
          { href: "/admin/sensors", label: "nav.sensors", when: has("system.admin") },
        ]),
        section("nav.area.calendar", [
          { href: "/admin/rooms", label: "nav.rooms", when: has("calendar.write") },
          { href: "/admin/events/new", label: "nav.newEvent", when: has("calendar.write") },
          { href: "/admin/news", label: "nav.news", when: has("news.write") },
        ]),
        section("nav.area.system", [
          { href: "/admin/settings", label: "nav.settings", when: has("system.admin") },
          { href: "/admin/roles", label: "nav.roles", when: has("system.admin") },
          { href: "/admin/system", label: "nav.system", when: has("system.admin") },
          { href: "/admin/api", label: "nav.api", when: has("system.admin") },
          { href: "/admin/webhooks", label: "nav.webhooks", when: has("system.admin") },
          { href: "/admin/sso", label: "sso.admin.link", when: has("system.admin") },
          { href: "/admin/import/fabomatic", label: "nav.import", when: has("system.admin") },
        ]),
      ],
    },
  ];
  return groups.map((group) => ({ ...group, sections: group.sections.filter((s) => s.links.length > 0) })).filter((group) => group.sections.length > 0);
}
