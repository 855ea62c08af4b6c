import { defineEndpoint, type Endpoint } from "../endpoint";
import { buildOpenApiDocument } from "../openapi";
import { equipmentEndpoints } from "./equipment";
import { eventEndpoints } from "./events";
import { machineEndpoints } from "./machines";
import { meEndpoints } from "./me";
import { openStatusEndpoints } from "./open-status";
import { peopleEndpoints } from "./people";
import { thingEndpoints } from "./things";

let document: ReturnType<typeof buildOpenApiDocument> | undefined;

/** The document describes every endpoint below, itself included; built once per process. */
export function openApiDocument() {
  document ??= buildOpenApiDocument(ENDPOINTS);
  return document;
}

const documentEndpoint = defineEndpoint({
  operationId: "getOpenApiDocument",
  method: "GET",
  path: "/openapi.json",
  tag: "Tokens",
  summary: "This document",
  description: "The OpenAPI 3.1 description of this API. Public.",
  auth: "public",
  response: { schema: { type: "object", required: ["openapi", "info", "paths"] }, description: "The OpenAPI document." },
  handle: async () => openApiDocument(),
});

export const ENDPOINTS: Endpoint[] = [
  documentEndpoint,
  ...meEndpoints,
  ...peopleEndpoints,
  ...machineEndpoints,
  ...equipmentEndpoints,
  ...eventEndpoints,
  ...thingEndpoints,
  ...openStatusEndpoints,
];
