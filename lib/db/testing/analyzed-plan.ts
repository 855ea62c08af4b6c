import postgres from "postgres";

/** A node of EXPLAIN (ANALYZE, FORMAT JSON), with its inner nodes. */
export interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Actual Rows": number;
  "Actual Loops": number;
  "Rows Removed by Filter"?: number;
  Plans?: PlanNode[];
}

/**
 * How a statement a test recorded (countingDb: its text and parameters) ran, without timings: EXPLAIN ANALYZE's
 * plan, whose row counts say how much it read, the same on every run and on PGlite as on PostgreSQL.
 */
export async function analyzedPlan(url: string, query: string, parameters: unknown[]): Promise<PlanNode> {
  const raw = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await raw.unsafe<{ "QUERY PLAN": [{ Plan: PlanNode }] }[]>(`explain (analyze, timing off, format json) ${query}`, parameters as never[]);
    return row!["QUERY PLAN"][0].Plan;
  } finally {
    await raw.end();
  }
}

/** The node and every node inside it. */
export const planNodes = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(planNodes)];

/** The most rows one node reading `relation` handed on, over all its loops: how much of that table a statement gathered. */
export const rowsReadFrom = (plan: PlanNode, relation: string) =>
  Math.max(
    0,
    ...planNodes(plan)
      .filter((n) => n["Relation Name"] === relation)
      .map((n) => n["Actual Rows"] * n["Actual Loops"]),
  );

/** How many rows each sort of the plan took in, over all its loops: a sort of every match shows as one of them. */
export const sortInputs = (plan: PlanNode) =>
  planNodes(plan)
    .filter((n) => n["Node Type"] === "Sort" || n["Node Type"] === "Incremental Sort")
    .map((n) => (n.Plans ?? []).reduce((sum, c) => sum + c["Actual Rows"] * c["Actual Loops"], 0));
