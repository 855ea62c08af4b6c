import net from "node:net";
import { describe, expect, it } from "vitest";
import { openDatabaseAndInbox } from "./database-with-inbox";
import { openInbox, type Inbox } from "./smtp-inbox";

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });

describe("a database and an inbox opened side by side", () => {
  it("closes the inbox when the database fails, and throws the database's error", async () => {
    let inbox: Inbox | undefined;
    const failing = openDatabaseAndInbox(
      () => Promise.reject(new Error("no database")),
      async () => (inbox = await openInbox()),
    );
    await expect(failing).rejects.toThrow("no database");
    expect(await listening(inbox!.port)).toBe(false);
  });

  it("closes the database when the inbox fails, and throws the inbox's error", async () => {
    let closed = false;
    const database = { close: async () => void (closed = true) };
    await expect(
      openDatabaseAndInbox(
        async () => database,
        () => Promise.reject(new Error("no inbox")),
      ),
    ).rejects.toThrow("no inbox");
    expect(closed).toBe(true);
  });
});
