/**
 * How callers authenticate (DESIGN §7), as OpenAPI security schemes. The three key types share one
 * mechanism (a bearer token, or the same key in `X-API-Key`); they are separate schemes so each operation
 * says which kind of key it takes.
 */
export const SECURITY_SCHEME_NAMES = ["adminKey", "serverKey", "clientKey", "session", "keyQuery"] as const;
export type SecuritySchemeName = (typeof SECURITY_SCHEME_NAMES)[number];

const HEADER_NOTE = "Send it as `Authorization: Bearer <key>` or as `X-API-Key: <key>`.";

export const securitySchemes: Record<SecuritySchemeName, Record<string, string>> = {
  adminKey: {
    type: "http",
    scheme: "bearer",
    description: `An admin API key (\`exp_admin_…\`), limited by the permissions of the role it is bound to. ${HEADER_NOTE}`,
  },
  serverKey: {
    type: "http",
    scheme: "bearer",
    description: `A server API key (\`exp_server_…\`): a client key's rights plus configuration download. Keep it on servers. ${HEADER_NOTE}`,
  },
  clientKey: {
    type: "http",
    scheme: "bearer",
    description: `A client API key (\`exp_client_…\`): evaluate, assign and track; safe to ship in a browser. ${HEADER_NOTE}`,
  },
  session: {
    type: "apiKey",
    in: "cookie",
    name: "authjs.session-token",
    description:
      "The dashboard's sign-in session (`__Secure-authjs.session-token` over HTTPS): a signed-in user may call management endpoints from the browser, with their role's permissions. Used only when the request carries no API key.",
  },
  keyQuery: {
    type: "apiKey",
    in: "query",
    name: "key",
    description: "A client key in the query string, for links a browser follows and so cannot add headers to.",
  },
};

/** How the API docs page names each scheme. */
export const securityLabels: Record<SecuritySchemeName, string> = {
  adminKey: "Admin key",
  serverKey: "Server key",
  clientKey: "Client key",
  session: "Session",
  keyQuery: "Key in ?key=",
};
