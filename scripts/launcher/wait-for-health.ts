/** Polls the health endpoint until it answers 200 or the time is up. */
export async function waitForHealth(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return true;
    } catch {
      // not up yet
    }
    // Often: it is the start's last step, and a refused local connection costs next to nothing.
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}
