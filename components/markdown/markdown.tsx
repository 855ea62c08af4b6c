import { markdownToReact } from "./markdown-nodes";

/** Renders a safe Markdown subset (see lib/markdown/parse-markdown.ts). */
export function Markdown({ source, className, testId }: { source: string; className?: string; testId?: string }) {
  return (
    <div className={className} data-testid={testId}>
      {markdownToReact(source)}
    </div>
  );
}
