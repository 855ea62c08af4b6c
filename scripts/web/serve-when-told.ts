/**
 * The web server's side of the launcher's gate (scripts/launcher/supervisor.ts, `gate`): under `npm start` it
 * boots Next while the database opens and migrates, then waits here before listening, so it never serves an old
 * schema. The launcher answers with the variables it knows only then (DATABASE_URL of the embedded database).
 * Run any other way (start:web, tests), it serves at once.
 */
export async function serveWhenTold(): Promise<void> {
  if (process.env.MAKERSPACE_SERVE_WHEN_TOLD !== "1" || !process.send) return;
  const env = await new Promise<Record<string, string>>((resolve) => {
    process.on("message", function onMessage(message: { serve?: Record<string, string> }) {
      if (!message?.serve) return;
      process.off("message", onMessage);
      resolve(message.serve);
    });
    // The launcher gone before it said so (it failed, or was killed): nothing to serve for.
    process.once("disconnect", () => process.exit(1));
    process.send!({ booted: true });
  });
  Object.assign(process.env, env);
  // Nothing more comes this way; the channel must not keep the process (or the launcher's side) waiting.
  process.removeAllListeners("disconnect");
  process.disconnect?.();
}
