import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { executePrepared } from "@/lib/db/prepared";
import { addDays, type Day, isoDate, startOfDay } from "@/lib/time";
import { namesShownTo } from "../people/shown-names";
import type { Viewer } from "../people/visibility";
import type { CalendarItem } from "./calendar-queries";

/** One local day of a view: the entries shown, in order, and how many the day holds in all ("+N more"). */
export interface CalendarDay {
  items: CalendarItem[];
  count: number;
}

export interface DaysQuery {
  /** The view's first local day and how many days it spans; their bounds come from lib/time in `timeZone`. */
  first: Day;
  days: number;
  /** The space's saved time zone (settings): the only zone the days are cut in. */
  timeZone: string;
  /** false for visitors: members-only events, trainings and bookings stay hidden. */
  includeMembersOnly: boolean;
  roomId?: number;
  viewer?: Viewer | null;
  /** Entries shown per day at most (the month view); every day's `count` stays exact. */
  perDay?: number;
  /**
   * Entries shown in all at most, whole days only (the agenda): the view stops before the day whose entries pass
   * the limit (the first day is always shown whole); `shownDays` says where it stopped.
   */
  total?: number;
}

export interface CalendarDays {
  /** One per day of the view, from `first`. */
  days: CalendarDay[];
  /** Days shown: `days` unless `total` cut the view short. */
  shownDays: number;
}

interface Row extends Record<string, unknown> {
  i: number;
  n: number;
  cut_at: number | null;
  kind: number;
  id: number;
  starts_ms: number;
  ends_ms: number;
  slug: string | null;
  title: string;
  all_day: boolean;
  cancelled: boolean;
  is_public: boolean;
  location: string | null;
  machine_id: number | null;
  person_id: number | null;
  rooms: string[] | null;
}

const iso = (d: Date) => d.toISOString();

interface Bounds {
  from: Date;
  to: Date;
  /** Every day's first instant and the end of the last, as the statement reads them ("…Z,…Z"). */
  text: string;
}
const boundsKept = new Map<string, Bounds>();

/**
 * The view's day bounds in its zone (lib/time, through Temporal: ~20 µs a day, a millisecond for a month), kept
 * per zone, first day and length: every visitor of a month asks for the same ones. A zone's rules change only with
 * the process's time-zone data.
 */
function dayBounds(q: DaysQuery): Bounds {
  const key = `${q.timeZone} ${isoDate(q.first)} ${q.days}`;
  let kept = boundsKept.get(key);
  if (!kept) {
    const bounds = Array.from({ length: q.days + 1 }, (_, i) => startOfDay(addDays(q.first, i), q.timeZone));
    kept = { from: bounds[0]!, to: bounds[q.days]!, text: bounds.map(iso).join(",") };
    // Views of any day can be asked for (?date=): a few hundred are kept, then it starts afresh.
    if (boundsKept.size >= 500) boundsKept.clear();
    boundsKept.set(key, kept);
  }
  return kept;
}

/**
 * What a month, week or agenda shows, counted and cut in the database: every entry (event occurrences, trainings,
 * bookings) is placed on each local day it overlaps, numbered within its day (by start, then events, trainings,
 * bookings) and counted per day and running; only the entries shown leave the database, with their rooms' names
 * joined for those alone. A busy six weeks held ~840 entries of which the month shows 168. The day bounds are
 * computed here by lib/time, so the database never reads a zone of its own.
 */
export async function calendarDays(db: Db, q: DaysQuery): Promise<CalendarDays> {
  const { from, to, text: boundsText } = dayBounds(q);
  const members = q.includeMembersOnly;
  const eventRoom = q.roomId ? sql`and exists (select 1 from event_rooms er where er.event_id = ev.id and er.room_id = ${q.roomId})` : sql``;
  const parts: SQL[] = [
    sql`select 0 as kind, o.id as key, ev.id, o.starts_at, o.ends_at, ev.slug, ev.title, ev.all_day,
          ev.cancelled_at is not null as cancelled, ev.visibility = 'public' as is_public,
          null::text as location, null::int as machine_id, null::int as person_id
        from event_occurrences o join events ev on ev.id = o.event_id
        where o.starts_at < ${iso(to)}::timestamptz and o.ends_at > ${iso(from)}::timestamptz
          ${members ? sql`` : sql`and ev.visibility = 'public'`} ${eventRoom}`,
  ];
  if (members) {
    // Trainings' room is still free text, matched by the room's name (as everywhere in the calendar).
    const trainingRoom = q.roomId ? sql`and lower(s.room) = (select lower(name) from rooms where id = ${q.roomId})` : sql``;
    parts.push(sql`select 1, s.id, s.id, s.starts_at, s.ends_at, null, et.name || ' (' || s.level || ')', false,
          s.cancelled_at is not null, false, s.room, null, null
        from training_sessions s join equipment_types et on et.id = s.equipment_type_id
        where s.starts_at < ${iso(to)}::timestamptz and s.ends_at > ${iso(from)}::timestamptz ${trainingRoom}`);
    if (!q.roomId)
      parts.push(sql`select 2, b.id, b.id, b.starts_at, b.ends_at, null, m.name, false, false, false, null, b.machine_id, b.person_id
        from machine_bookings b join machines m on m.id = b.machine_id
        where b.starts_at < ${iso(to)}::timestamptz and b.ends_at > ${iso(from)}::timestamptz and b.cancelled_at is null`);
  }
  const entries = sql.join(parts, sql` union all `);
  // Prepared once per connection and statement text (executePrepared; the text differs only by who looks, whether
  // a room is chosen and which cuts apply, the label says all three): parsing and planning this statement was half of
  // its time on PGlite.
  const name = `calendar-days-${members ? "members" : "public"}${q.roomId ? "-room" : ""}${q.perDay !== undefined ? "-per-day" : ""}${q.total !== undefined ? "-total" : ""}`;
  // Only the windows a view's cut needs: the running count over every placed entry and its minimum over all rows
  // are the agenda's alone (the month's statement without them took a third less time on PGlite).
  const cut =
    q.total === undefined
      ? sql`select placed.*, null::int as cut_at from placed`
      : sql`select running.*, min(case when upto > ${q.total}::int and i > 1 then i end) over () as cut_at
            from (select placed.*, count(*) over (order by i) as upto from placed) running`;
  const rows = await executePrepared<Row>(
    db,
    name,
    sql`
    with bound as materialized (select string_to_array(${boundsText}, ',')::timestamptz[] as at),
    ${q.total === undefined ? sql`it as (${entries})` : agendaEntries(entries, q.total, q.days)},
    placed as (
      -- one window for both: row_number ignores the frame, count(*) over the whole day needs it
      select d.i, it.*, row_number() over by_day as rn, count(*) over by_day as n
      -- the days an entry overlaps, found by bisecting the bounds: from the day its start falls in to the last day
      -- that begins before its end (a microsecond less: an end at midnight does not reach the next day)
      -- (an array compared per entry: joining the days instead compared every entry with every day)
      from it cross join bound
        cross join generate_series(greatest(width_bucket(it.starts_at, bound.at), 1),
                                   least(width_bucket(it.ends_at - interval '1 microsecond', bound.at), ${q.days}::int)) as d(i)
      window by_day as (partition by d.i order by it.starts_at, it.kind, it.key rows between unbounded preceding and unbounded following)
    ),
    cut as (${cut}),
    shown as (
      select * from cut
      where ${q.perDay === undefined ? sql`true` : sql`rn <= ${q.perDay}::int`}
        -- past the cut one row of its day stays, to say where it fell (it is not shown)
        ${q.total === undefined ? sql`` : sql`and (cut_at is null or i < cut_at or (i = cut_at and rn = 1))`}
    ),
    names as (
      select er.event_id, array_agg(r.name order by r.name) as rooms
      from event_rooms er join rooms r on r.id = er.room_id
      where er.event_id in (select id from shown where kind = 0)
      group by er.event_id
    )
    select shown.i, shown.n::int, shown.cut_at::int, shown.kind, shown.id,
           extract(epoch from shown.starts_at)::float8 * 1000 as starts_ms, extract(epoch from shown.ends_at)::float8 * 1000 as ends_ms,
           shown.slug, shown.title, shown.all_day, shown.cancelled, shown.is_public, shown.location, shown.machine_id,
           shown.person_id, names.rooms
    from shown left join names on shown.kind = 0 and names.event_id = shown.id
    order by shown.i, shown.rn`,
  );
  const cutAt = rows[0]?.cut_at ?? null;
  const shownDays = cutAt === null ? q.days : cutAt - 1;
  const names = await namesShownTo(
    db,
    q.viewer ?? null,
    rows.filter((r) => r.kind === 2).map((r) => r.person_id),
  );
  const days: CalendarDay[] = Array.from({ length: q.days }, () => ({ items: [], count: 0 }));
  // An entry over several days is one object on each of them.
  const items = new Map<string, CalendarItem>();
  for (const r of rows) {
    if (r.i > shownDays) continue;
    const key = `${r.kind}-${r.id}-${r.starts_ms}`;
    let item = items.get(key);
    if (!item) items.set(key, (item = itemOf(r, names)));
    const day = days[r.i - 1]!;
    day.count = r.n;
    day.items.push(item);
  }
  return { days, shownDays };
}

/**
 * The agenda's entries: only those that can be placed on a day up to its cut. The entry `total` + 1 in order of
 * start lies on a day whose running count passes `total`, so the cut falls on that day or before; every entry placed
 * on a day up to it starts before that day's end, and those are all the days the agenda needs (issue 20: a busy six
 * weeks placed ~900 entries on their days, sorted and counted them, for the ~150 of its first week). When that entry
 * is on the view's first day (always shown whole, however full), the cut is the next day holding anything, so the
 * entries go on to the end of the day of the first one starting after the first day. Fewer than `total + 1`: all.
 */
function agendaEntries(entries: SQL, total: number, days: number): SQL {
  return sql`every_entry as (${entries}),
    reach as materialized (
      select bound.at[least(greatest(width_bucket(greatest(passing.starts_at, (select min(starts_at) from every_entry where starts_at >= bound.at[2])), bound.at), 1) + 1, ${days}::int + 1)] as until
      from bound cross join (select starts_at from every_entry order by starts_at offset ${total}::int limit 1) passing
    ),
    it as (select * from every_entry where starts_at < coalesce((select until from reach), 'infinity'))`;
}

function itemOf(r: Row, names: Map<number, string>): CalendarItem {
  const span = { id: r.id, title: r.title, startsAt: new Date(r.starts_ms), endsAt: new Date(r.ends_ms) };
  if (r.kind === 0) return { kind: "event", ...span, slug: r.slug!, allDay: r.all_day, cancelled: r.cancelled, isPublic: r.is_public, rooms: r.rooms ?? [] };
  if (r.kind === 1) return { kind: "training", ...span, cancelled: r.cancelled, location: r.location ?? "" };
  return { kind: "booking", ...span, machineId: r.machine_id!, personName: names.get(r.person_id!) ?? null };
}
