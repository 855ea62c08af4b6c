import { failWith, type Failure as SharedFailure, type Result as SharedResult } from "../shared/result";

/** Why inventory services refuse (the web's catalog: inv.error.<code>); the shape is lib/domain/shared/result.ts. */
export type InventoryFailureCode =
  | "forbidden"
  | "invalid"
  | "not_found"
  | "location_cycle"
  | "location_not_empty"
  | "already_lent"
  | "not_lent"
  | "due_in_past"
  | "photo_too_large"
  | "photo_not_image";
export type Failure = SharedFailure<InventoryFailureCode>;
export type Result<T extends object = object> = SharedResult<T, Failure>;
export const fail = failWith<InventoryFailureCode>();

export const FORBIDDEN = fail("forbidden", "You may not edit the inventory.");
