import { defineEndpoint } from "../endpoint";
import { ref } from "../schemas";

export const meEndpoints = [
  defineEndpoint({
    operationId: "getMe",
    method: "GET",
    path: "/me",
    tag: "Tokens",
    summary: "The token itself",
    description: "Who the token speaks for, its scopes and which of them are in effect now. Needs no particular scope.",
    auth: "token",
    response: { schema: ref("Me"), description: "The token and its owner." },
    async handle({ principal }) {
      const p = principal!;
      return {
        tokenId: p.tokenId,
        tokenName: p.tokenName,
        kind: p.kind,
        personId: p.personId,
        serviceId: p.serviceId,
        name: p.name,
        scopes: p.scopes,
        effectiveScopes: p.effective,
        expiresAt: p.expiresAt,
      };
    },
  }),
];
