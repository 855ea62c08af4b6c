import { afterAll, beforeAll } from "vitest";
import { openInbox, type Inbox } from "./smtp-inbox";

/**
 * A test file's database (made by `create`: createDemoDatabase, an area's fixture) and its SMTP inbox, opened side
 * by side before the file's tests and closed after them; `ready` gets both (the file keeps them in its variables).
 */
export function databaseWithInbox<T extends { close(): Promise<void> }>(
  create: () => Promise<T>,
  ready: (database: T, inbox: Inbox) => void | Promise<void>,
): void {
  let database: T | undefined;
  let inbox: Inbox | undefined;
  beforeAll(async () => {
    [database, inbox] = await Promise.all([create(), openInbox()]);
    await ready(database, inbox);
  });
  afterAll(async () => {
    await inbox?.close();
    await database?.close();
  });
}
