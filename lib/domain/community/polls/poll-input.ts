import { z } from "zod";
import { POLL_CHOICE, POLL_RESULTS_VISIBLE } from "@/lib/db/schema";

/** What the poll's refines say when they refuse (a form turns them into its own words beside the field). */
export const POLL_REFUSALS = {
  sameOptions: "two options are the same",
  closesAfterOpens: "must be after the opening time",
  singleOne: "must be 1 for a single-choice poll",
  maxOverOptions: "cannot exceed the number of options",
  noChoice: "choose at least one option",
} as const;

export const pollInput = z
  .object({
    question: z.string().trim().min(1, "required").max(300, "at most 300 characters"),
    description: z.string().trim().max(4000, "at most 4000 characters").default(""),
    options: z
      .array(z.string().trim().min(1, "an option is empty").max(200, "at most 200 characters"))
      .min(2, "at least two options")
      .max(30, "at most 30 options")
      .refine((o) => new Set(o.map((x) => x.toLowerCase())).size === o.length, POLL_REFUSALS.sameOptions),
    choice: z.enum(POLL_CHOICE),
    maxChoices: z.number().int().min(1, "at least 1").default(1),
    opensAt: z.date({ message: "a valid date and time" }),
    closesAt: z.date({ message: "a valid date and time" }),
    anonymous: z.boolean(),
    resultsVisible: z.enum(POLL_RESULTS_VISIBLE),
    /** null: members in good standing (the statuses with may_vote). */
    eligibleStatusKeys: z.array(z.string().min(1)).min(1, "choose at least one status").nullable().default(null),
  })
  .superRefine((p, ctx) => {
    if (p.closesAt.getTime() <= p.opensAt.getTime()) ctx.addIssue({ code: "custom", path: ["closesAt"], message: POLL_REFUSALS.closesAfterOpens });
    if (p.choice === "single" && p.maxChoices !== 1) ctx.addIssue({ code: "custom", path: ["maxChoices"], message: POLL_REFUSALS.singleOne });
    if (p.maxChoices > p.options.length) ctx.addIssue({ code: "custom", path: ["maxChoices"], message: POLL_REFUSALS.maxOverOptions });
  });
export type PollInput = z.input<typeof pollInput>;

export const voteInput = z.object({
  pollId: z.number().int().positive(),
  optionIds: z.array(z.number().int().positive()).min(1, POLL_REFUSALS.noChoice),
  /** Anonymous polls: the receipt from the first vote, needed to change it. */
  receipt: z.string().max(200).optional(),
});
export type VoteInput = z.input<typeof voteInput>;
