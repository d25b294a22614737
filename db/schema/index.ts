// The whole schema, as drizzle-kit and the relational query builder read it.
export * from "./columns";
export * from "./enums";
export * from "./users";
export * from "./experiments";
export * from "./flags";
export * from "./events";
export * from "./api-keys";
export * from "./audit";
export * from "./results";
export * from "./xid8";
