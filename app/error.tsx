"use client";

/** Unexpected errors: a generic message and a way on; details stay in the server log. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col items-center justify-center gap-3 px-6 text-center">
      <h1 className="text-xl font-semibold text-zinc-900">Something went wrong</h1>
      <p className="text-zinc-600">
        We could not show this page. Nothing you saved was lost.{error.digest ? ` (Reference ${error.digest}.)` : ""}
      </p>
      <button type="button" onClick={reset} className="rounded-lg bg-zinc-900 px-4 py-2 text-sm font-medium text-white hover:bg-zinc-800">
        Try again
      </button>
    </main>
  );
}
