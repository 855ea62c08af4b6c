import type { ReactNode } from "react";
import { getLogger } from "@/lib/web/logger";

/** A start-page card. */
export function Card({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid={testId}>
      <h2 className="mb-2 text-lg font-semibold">{title}</h2>
      {children}
    </section>
  );
}

/**
 * Renders a widget's content, or a small note when its data cannot be loaded (missing table, database down,
 * a bug): one broken widget never takes the start page with it.
 */
export async function Guarded(props: { name: string; title: string; unavailable: string; testId?: string; render: () => Promise<ReactNode> }) {
  const { name, title, unavailable, testId, render } = props;
  let content: ReactNode;
  try {
    content = await render();
  } catch (error) {
    getLogger().warn({ err: error, widget: name }, "start page widget unavailable");
    content = <p className="text-sm text-slate-500">{unavailable}</p>;
  }
  return (
    <Card title={title} testId={testId}>
      {content}
    </Card>
  );
}
