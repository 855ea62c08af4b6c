import type { Viewer } from "../visibility";

/** A viewer who sees every name (members.read): for tests of lists whose names are not the point. */
export const BOARD_VIEWER: Viewer = { personId: null, permissions: new Set(["members.read"]) };
