import { newToken } from "../shared/one-time-token";

/** Recognisable by secret scanners and in logs: "msk_" + 32 random bytes, URL-safe. */
export const TOKEN_PREFIX = "msk_";
export const newApiToken = () => `${TOKEN_PREFIX}${newToken()}`;
/** What lists show of a token: enough to tell several apart, far too little to guess the rest. */
export const visiblePrefix = (token: string) => token.slice(0, TOKEN_PREFIX.length + 6);
