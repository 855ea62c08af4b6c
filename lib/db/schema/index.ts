export * from "./people";
export * from "./access";
export * from "./equipment";
export * from "./cards";
export * from "./broker";
export * from "./audit";
export * from "./training";
