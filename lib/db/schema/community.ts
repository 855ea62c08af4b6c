import { sql } from "drizzle-orm";
import { boolean, check, foreignKey, index, integer, pgTable, primaryKey, serial, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { people } from "./people";

/** Every open/close of the space; the current state is the latest row (history is never rewritten). */
export const openStatusChanges = pgTable(
  "open_status_changes",
  {
    id: serial().primaryKey(),
    open: boolean().notNull(),
    message: text().notNull().default(""),
    /** A person (staff switch) or a sensor (authenticated HTTP call); exactly one of the two. */
    changedById: integer().references(() => people.id),
    sensorName: text(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  // (open, at, id): "since" finds the latest change of the other state in three look-ups, however long the run.
  (t) => [
    index().on(t.at, t.id),
    index().on(t.open, t.at, t.id),
    check("open_status_changes_by", sql`(${t.changedById} is null) <> (${t.sensorName} is null)`),
  ],
);
export type OpenStatusChange = typeof openStatusChanges.$inferSelect;

/** A door/board sensor allowed to set the open status. Only the SHA-256 of the token is stored. */
export const sensorTokens = pgTable("sensor_tokens", {
  id: serial().primaryKey(),
  name: text().notNull().unique(),
  tokenHash: text().notNull().unique(),
  createdById: integer().references(() => people.id),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  lastUsedAt: timestamp({ withTimezone: true }),
  revokedAt: timestamp({ withTimezone: true }),
});
export type SensorToken = typeof sensorTokens.$inferSelect;

export const newsPosts = pgTable(
  "news_posts",
  {
    id: serial().primaryKey(),
    title: text().notNull(),
    body: text().notNull(),
    authorId: integer().references(() => people.id),
    publishedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.publishedAt)],
);
export type NewsPost = typeof newsPosts.$inferSelect;

export const POLL_CHOICE = ["single", "multiple"] as const;
export const POLL_RESULTS_VISIBLE = ["after_vote", "after_close"] as const;

export const polls = pgTable(
  "polls",
  {
    id: serial().primaryKey(),
    question: text().notNull(),
    description: text().notNull().default(""),
    choice: text({ enum: POLL_CHOICE }).notNull(),
    maxChoices: integer().notNull().default(1),
    opensAt: timestamp({ withTimezone: true }).notNull(),
    closesAt: timestamp({ withTimezone: true }).notNull(),
    anonymous: boolean().notNull(),
    resultsVisible: text({ enum: POLL_RESULTS_VISIBLE }).notNull(),
    /** Membership status keys that may vote; null = the statuses with may_vote ("members in good standing"). */
    eligibleStatusKeys: text().array(),
    createdById: integer().references(() => people.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.closesAt),
    check("polls_times", sql`${t.closesAt} > ${t.opensAt}`),
    check("polls_max_choices", sql`${t.maxChoices} >= 1 and (${t.choice} = 'multiple' or ${t.maxChoices} = 1)`),
  ],
);
export type Poll = typeof polls.$inferSelect;

export const pollOptions = pgTable(
  "poll_options",
  {
    id: serial().primaryKey(),
    pollId: integer()
      .notNull()
      .references(() => polls.id, { onDelete: "cascade" }),
    label: text().notNull(),
    position: integer().notNull(),
  },
  // (poll_id, id) is unique so votes can reference an option OF THEIR poll.
  (t) => [unique("poll_options_poll_position").on(t.pollId, t.position), unique("poll_options_poll_id").on(t.pollId, t.id)],
);
export type PollOption = typeof pollOptions.$inferSelect;

/**
 * THAT a person voted (never WHAT): one row per poll and person, the database's "votes once". For anonymous
 * polls this is the only row naming the person; it carries no option, ballot id or time that could be matched.
 */
export const pollParticipations = pgTable(
  "poll_participations",
  {
    pollId: integer()
      .notNull()
      .references(() => polls.id, { onDelete: "cascade" }),
    personId: integer()
      .notNull()
      .references(() => people.id),
  },
  (t) => [primaryKey({ columns: [t.pollId, t.personId] }), index().on(t.personId)],
);

/** Named polls: the chosen options of a participant (several for multiple choice). */
export const pollVotes = pgTable(
  "poll_votes",
  {
    pollId: integer().notNull(),
    personId: integer().notNull(),
    optionId: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.pollId, t.personId, t.optionId] }),
    foreignKey({ columns: [t.pollId, t.personId], foreignColumns: [pollParticipations.pollId, pollParticipations.personId] }).onDelete("cascade"),
    foreignKey({ columns: [t.pollId, t.optionId], foreignColumns: [pollOptions.pollId, pollOptions.id] }).onDelete("cascade"),
  ],
);

/**
 * Anonymous polls: a ballot with a random id and no person, no time, no sequence. Only the voter's receipt
 * (a random token; its SHA-256 here) lets them change it while the poll is open.
 */
export const pollBallots = pgTable(
  "poll_ballots",
  {
    id: uuid().primaryKey().defaultRandom(),
    pollId: integer()
      .notNull()
      .references(() => polls.id, { onDelete: "cascade" }),
    receiptHash: text().notNull().unique(),
  },
  (t) => [index().on(t.pollId), unique("poll_ballots_poll_id").on(t.pollId, t.id)],
);

export const pollBallotChoices = pgTable(
  "poll_ballot_choices",
  {
    pollId: integer().notNull(),
    ballotId: uuid().notNull(),
    optionId: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.ballotId, t.optionId] }),
    foreignKey({ columns: [t.pollId, t.ballotId], foreignColumns: [pollBallots.pollId, pollBallots.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.pollId, t.optionId], foreignColumns: [pollOptions.pollId, pollOptions.id] }).onDelete("cascade"),
  ],
);
