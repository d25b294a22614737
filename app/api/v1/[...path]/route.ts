import { unknownApiPath } from "@/server/api/endpoints/unknown-api-path";
import { toNextResponse } from "@/server/api/next-adapter";

// Next matches every defined endpoint first; only paths without one land here. The body is not read.
function notFound(request: Request): Response {
  return toNextResponse(unknownApiPath(request.method, new URL(request.url)));
}

export const GET = notFound;
export const HEAD = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
export const OPTIONS = notFound;
