import { afterAll, beforeAll } from "vitest";
import { openInbox, type Inbox, type InboxOptions } from "./smtp-inbox";

/**
 * A test file's database (made by `create`: createDemoDatabase, an area's fixture) and its SMTP inbox, opened side
 * by side before the file's tests and closed after them; `ready` gets both (the file keeps them in its variables, and
 * prepares what all its tests share). `inbox` for a server that refuses some addresses or wants a login.
 */
export function databaseWithInbox<T extends { close(): Promise<void> }>(
  create: () => Promise<T>,
  ready: (database: T, inbox: Inbox) => void | Promise<void>,
  inbox: InboxOptions = {},
): void {
  let database: T | undefined;
  let opened: Inbox | undefined;
  beforeAll(async () => {
    [database, opened] = await openDatabaseAndInbox(create, () => openInbox(inbox));
    await ready(database, opened);
  });
  afterAll(async () => {
    await opened?.close();
    await database?.close();
  });
}

/**
 * Both opened side by side; settled, not Promise.all: should one fail, the other (a database, a listening port) is
 * closed before the failure is thrown, not left open.
 */
export async function openDatabaseAndInbox<T extends { close(): Promise<void> }>(
  create: () => Promise<T>,
  open: () => Promise<Inbox> = openInbox,
): Promise<[T, Inbox]> {
  const [made, opened] = await Promise.allSettled([create(), open()]);
  if (made.status === "fulfilled" && opened.status === "fulfilled") return [made.value, opened.value];
  await Promise.allSettled([made.status === "fulfilled" && made.value.close(), opened.status === "fulfilled" && opened.value.close()]);
  throw made.status === "rejected" ? made.reason : (opened as PromiseRejectedResult).reason;
}
