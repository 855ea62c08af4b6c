import { describe, expect, it } from "vitest";
import { OfflineBuffer } from "./offline-buffer";

describe("offline buffer", () => {
  it("keeps the newest messages when full, like the firmware", () => {
    const buffer = new OfflineBuffer(40);
    for (let i = 0; i < 45; i++) buffer.push({ action: "stopuse", uid: "efbeadde", duration: i });
    expect(buffer.size).toBe(40);
    expect(buffer.dropped).toBe(5);
    expect(buffer.list()[0]).toMatchObject({ duration: 5 });
  });

  it("replays in order with replay:true and stops at the first unanswered one", async () => {
    const buffer = new OfflineBuffer(40);
    for (const action of ["startuse", "stopuse", "maintenance"]) buffer.push({ action, uid: "efbeadde" });
    const sent: unknown[] = [];
    const answered = await buffer.replay(async (body) => {
      sent.push(body);
      return body.action === "maintenance" ? null : { request_ok: true };
    });
    expect(answered).toBe(2);
    expect(sent).toEqual([
      { action: "startuse", uid: "efbeadde", replay: true },
      { action: "stopuse", uid: "efbeadde", replay: true },
      { action: "maintenance", uid: "efbeadde", replay: true },
    ]);
    expect(buffer.list()).toEqual([{ action: "maintenance", uid: "efbeadde" }]);
  });

  it("keeps a flash copy as the firmware saves it: a reload brings back what was answered since, and loses what came after", async () => {
    const buffer = new OfflineBuffer(40);
    const answered = async () => ({ request_ok: true });
    buffer.push({ action: "startuse", uid: "efbeadde" });
    buffer.push({ action: "stopuse", uid: "efbeadde", duration: 7 });
    expect(buffer.save()).toBe(true);
    expect(buffer.save()).toBe(false); // unchanged since: the firmware writes nothing
    expect(await buffer.replay(answered)).toBe(2);
    buffer.push({ action: "stopuse", uid: "efbeadde", duration: 9 }); // queued after the last save
    buffer.reload(); // a reboot
    expect(buffer.list()).toEqual([
      { action: "startuse", uid: "efbeadde" },
      { action: "stopuse", uid: "efbeadde", duration: 7 },
    ]);
    // Replayed and answered after the boot: the next save clears the flash copy, and a reboot then replays nothing.
    expect(await buffer.replay(answered)).toBe(2);
    expect(buffer.save()).toBe(true);
    buffer.reload();
    expect(buffer.size).toBe(0);
  });
});
