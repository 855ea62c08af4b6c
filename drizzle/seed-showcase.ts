import type { Db } from "@/lib/db/client";
import { createNews } from "@/lib/domain/community/news";
import { setOpenStatus } from "@/lib/domain/community/open-status";
import { createPoll } from "@/lib/domain/community/polls/create-poll";
import { lendThing } from "@/lib/domain/inventory/loans";
import { createLocation } from "@/lib/domain/inventory/locations";
import { createThing } from "@/lib/domain/inventory/things";

const DAY = 86_400_000;

function must<T extends { ok: boolean }>(what: string, result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`Demo data: ${what} failed: ${(result as unknown as { message: string }).message}`);
  return result as Extract<T, { ok: true }>;
}

/**
 * What a fresh `npm start` shows besides people and machines, so every start-page widget has something in it:
 * a small inventory (room → shelf → box, a few things, one lent to the demo member), a news post, an open poll
 * and the space marked open. Written through the domain services, so the audit log tells the same story.
 */
export async function seedDemoShowcase(db: Db, ids: { admin: number; member: number }, now = new Date()): Promise<void> {
  const { admin, member } = ids;
  const workshop = must("room", await createLocation(db, admin, { name: "Workshop", kind: "room", description: "The big room downstairs" }));
  const shelf = must("shelf", await createLocation(db, admin, { name: "Shelf A", kind: "shelf", parentId: workshop.id }));
  const box = must("box", await createLocation(db, admin, { name: "Box A1 — hand tools", kind: "box", parentId: shelf.id }));
  must("electronics room", await createLocation(db, admin, { name: "Electronics room", kind: "room" }));

  must(
    "thing",
    await createThing(db, admin, { name: "Cordless drill", description: "18 V, two batteries and charger", locationId: shelf.id, value: "149.00" }),
  );
  must("thing", await createThing(db, admin, { name: "Digital caliper", description: "150 mm, stainless", locationId: box.id }));
  must("thing", await createThing(db, admin, { name: "Multimeter", description: "Auto-ranging, with probes", locationId: workshop.id }));
  const lent = must("thing", await createThing(db, admin, { name: "Hot glue gun", description: "With a bag of glue sticks", locationId: box.id }));
  must(
    "loan",
    await lendThing(
      db,
      admin,
      { thingId: lent.id, borrowerPersonId: member, dueOn: new Date(now.getTime() + 7 * DAY).toISOString().slice(0, 10), note: "Demo loan" },
      now,
    ),
  );

  must(
    "news",
    await createNews(
      db,
      admin,
      { title: "Welcome to the makerspace", body: "This is demo data: look around, log in with a demo account, and swipe a card with `npm run simulate`." },
      now,
    ),
  );
  must(
    "poll",
    await createPoll(db, admin, {
      question: "Which open evening suits you best?",
      options: ["Tuesday", "Thursday", "Saturday"],
      choice: "single",
      opensAt: new Date(now.getTime() - DAY),
      closesAt: new Date(now.getTime() + 14 * DAY),
      anonymous: false,
      resultsVisible: "after_vote",
    }),
  );
  must("open status", await setOpenStatus(db, { personId: admin }, { open: true, message: "Open lab evening" }, now));
}
