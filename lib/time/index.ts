// The one time module (Temporal underneath): zones, plain dates, recurrence, scheduler periods and formatting.
// Plain TypeScript, nothing from Next.js or React: the web app, the domain and the broker all use it.
export * from "./plain-date";
export * from "./zone";
export * from "./format";
export * from "./recurrence";
export * from "./periods";
