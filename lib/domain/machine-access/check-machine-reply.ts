import type { MachineView } from "./machine-view";

/** The LCD has 16 characters per row: the name fills one row, a maintenance text two. */
export const LCD_NAME_CHARS = 16;
export const LCD_DESCRIPTION_CHARS = 32;

// Type aliases, not interfaces: a reply must be assignable to a generic JSON record.
export type CheckMachineReply = {
  request_ok: true;
  is_valid: true;
  maintenance: boolean;
  allowed: boolean;
  name: string;
  logoff: number;
  type: number;
  grace: number;
  description: string;
};

export type InvalidMachineReply = {
  request_ok: false;
  message: "Invalid machine ID";
};

export const INVALID_MACHINE_REPLY: InvalidMachineReply = { request_ok: false, message: "Invalid machine ID" };

/**
 * The `checkmachine` answer for a board. Every field is always present because the firmware reads a missing
 * one as 0/false; key order follows the protocol page so replies are easy to compare with captures.
 */
export function buildCheckMachineReply(view: MachineView | null): CheckMachineReply | InvalidMachineReply {
  if (!view) return INVALID_MACHINE_REPLY;
  const firstOverdue = view.overduePlans[0];
  return {
    request_ok: true,
    is_valid: true,
    maintenance: firstOverdue !== undefined,
    allowed: !view.blocked,
    name: truncateChars(view.name.trim(), LCD_NAME_CHARS),
    logoff: wholeMinutes(view.autoLogoffMinutes),
    type: view.boardKind,
    grace: wholeMinutes(view.graceMinutes),
    description: firstOverdue ? truncateChars(firstOverdue.lcdText.trim(), LCD_DESCRIPTION_CHARS) : "",
  };
}

/** Cuts by code points, so an emoji or accented letter is never split into invalid UTF-8. */
export function truncateChars(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max).join("");
}

// The firmware parses these as integers; the database guarantees >= 0, this guards against a bad view.
function wholeMinutes(value: number): number {
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}
