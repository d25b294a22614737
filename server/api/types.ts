/**
 * API handlers are transport-free (DESIGN §8): parsed input in, status and JSON out. The same handler
 * is served by our node:http fast path and mounted as a Next route handler.
 */
export interface ApiRequest {
  method: string;
  url: URL;
  headers: { get(name: string): string | null };
  params: Record<string, string>;
  /** The parsed JSON body; undefined when there was none. */
  body: unknown;
}

export interface ApiResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type ApiHandler = (request: ApiRequest) => Promise<ApiResponse>;
