/**
 * The event stream's wire format (OFREP 0.3.0 `sseEvent`, and the Server-Sent Events format of the HTML
 * standard, https://html.spec.whatwg.org/multipage/server-sent-events.html): each change is a `data:` line
 * holding `{"type":"refetchEvaluation","etag":...}`; a comment line every so often keeps proxies from
 * closing an idle connection.
 */
import type { DatabaseHandle } from "@/db/client";
import type { FlagDefinitionsCache } from "../../../cache/flag-definitions";
import type { ApiResponse } from "../../types";

export const HEARTBEAT_MS = 15_000;

export function refetchEvent(version: string): string {
  return `id: ${version}\ndata: ${JSON.stringify({ type: "refetchEvaluation", etag: version })}\n\n`;
}

/**
 * Opens a stream. `knownVersion` is the version the client last fetched (in the URL the bulk answer gave
 * it): if the flags changed between that fetch and this connection, the client hears so at once.
 */
export function eventStream(cache: FlagDefinitionsCache, handle: DatabaseHandle, knownVersion: string | null, heartbeatMs = HEARTBEAT_MS): ApiResponse {
  return {
    status: 200,
    headers: { "content-type": "text/event-stream; charset=utf-8", "x-accel-buffering": "no" },
    stream: {
      open(send, closed) {
        send(`retry: 2000\n: connected\n\n`);
        const heartbeat = setInterval(() => send(": heartbeat\n\n"), heartbeatMs);
        let unsubscribe: (() => void) | null = null;
        closed.addEventListener("abort", () => {
          clearInterval(heartbeat);
          unsubscribe?.();
        });
        void (async () => {
          try {
            const stop = await cache.onVersion(handle, (version) => send(refetchEvent(version)));
            if (closed.aborted) return stop();
            unsubscribe = stop;
            const current = await cache.definitions(handle);
            if (knownVersion !== null && current.version !== knownVersion && !closed.aborted) send(refetchEvent(current.version));
          } catch (error) {
            console.error(JSON.stringify({ level: "warn", msg: "event stream could not follow flag changes", error: String(error) }));
          }
        })();
      },
    },
  };
}
