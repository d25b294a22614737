import { nextRoute } from "@/server/api/next-adapter";
import { openApiDocumentHandler } from "@/server/api/openapi/openapi-document";

// Public on purpose: the document describes the API and reveals no data, so it needs no key or session.
export const GET = nextRoute(openApiDocumentHandler);
