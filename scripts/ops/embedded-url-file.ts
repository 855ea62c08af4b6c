import path from "node:path";

/**
 * Written by `npm start` while it serves the embedded database, so backup and restore can reach it. A module of its
 * own: the launcher needs the name before it has loaded anything of the database (scripts/launcher/database-stage.ts).
 */
export const embeddedUrlFile = (dataDir: string) => path.join(dataDir, "embedded-db.url");
