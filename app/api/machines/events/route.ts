import { getCurrentUser } from "@/lib/auth/current-user";
import { dashboardAccessIn } from "@/lib/domain/machines/dashboard-access";
import { dashboardShownTo, type LoadedDashboard } from "@/lib/domain/machines/dashboard";
import { getDb } from "@/lib/web/db";
import { machineEventsHub } from "@/lib/web/machine-events";

export const dynamic = "force-dynamic";

/**
 * Server-sent events for the machines dashboard: the full state at once (also after every reconnect of the
 * browser's EventSource) and again whenever a board event changes it. Names only for viewers allowed to see them, each as its person chose (dashboardShownTo).
 */
export async function GET(request: Request): Promise<Response> {
  const user = await getCurrentUser();
  const access = await dashboardAccessIn(getDb(), user);
  if (!access.allowed) return new Response("Not logged in", { status: 401 });
  const encoder = new TextEncoder();
  let unsubscribe: (() => void) | null = null;
  let keepAlive: NodeJS.Timeout | null = null;
  const stop = () => {
    unsubscribe?.();
    unsubscribe = null;
    if (keepAlive) clearInterval(keepAlive);
  };
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (data: LoadedDashboard) => {
        try {
          controller.enqueue(encoder.encode(`event: state\ndata: ${JSON.stringify(dashboardShownTo(data, user, access.showNames))}\n\n`));
        } catch {
          stop(); // the browser went away between two events
        }
      };
      controller.enqueue(encoder.encode("retry: 2000\n\n"));
      // Comments keep proxies from closing an idle stream.
      keepAlive = setInterval(() => {
        try {
          controller.enqueue(encoder.encode(": keep-alive\n\n"));
        } catch {
          stop();
        }
      }, 15_000);
      request.signal.addEventListener("abort", () => {
        stop();
        try {
          controller.close();
        } catch {
          // already closed
        }
      });
      try {
        unsubscribe = await machineEventsHub(getDb()).subscribe(send);
        if (request.signal.aborted) stop();
      } catch {
        stop();
        controller.error(new Error("dashboard unavailable"));
      }
    },
    cancel: stop,
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    },
  });
}
