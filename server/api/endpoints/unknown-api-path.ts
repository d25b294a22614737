import { errorResponse } from "../error-response";
import type { ApiResponse } from "../types";

/**
 * What any `/api/v1/*` path without an endpoint answers (DESIGN §7): the API's JSON error shape with 404,
 * never the dashboard's HTML page, whatever the method, key or body.
 */
export function unknownApiPath(method: string, url: URL): ApiResponse {
  return errorResponse(404, "not_found", `There is no API endpoint ${method} ${url.pathname}. The endpoints are listed at /api/v1/openapi.json.`);
}
