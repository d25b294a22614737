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
  /** Instead of a JSON body: a response that stays open and is written over time (Server-Sent Events). */
  stream?: ApiStream;
}

/**
 * A streamed answer. `open` runs once the status and headers are sent; `send` writes a chunk (text), and
 * `closed` aborts when the client goes away or the server shuts down, which is when `open` must let go.
 */
export interface ApiStream {
  open(send: (chunk: string) => void, closed: AbortSignal): void;
}

/**
 * A handler answers at once when everything it needs is in memory (the SDK fast path, DESIGN §8), or with
 * a promise when it must wait (a cache to fill, a write). The fast path then writes the answer in the turn
 * the request's body arrived (docs/decisions/012).
 */
export type ApiAnswer = ApiResponse | Promise<ApiResponse>;

export type ApiHandler = ((request: ApiRequest) => ApiAnswer) & {
  /**
   * How this endpoint answers a body that is not JSON or is too large, for protocols with an error shape
   * of their own (OFREP's PARSE_ERROR); the API's error shape otherwise.
   */
  bodyError?: (response: ApiResponse, request: Pick<ApiRequest, "headers" | "params">) => ApiResponse;
};
