import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { getLogger } from "@/lib/web/logger";

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
    <Card id={`widget-${name}`} title={title} testId={testId}>
      {content}
    </Card>
  );
}
