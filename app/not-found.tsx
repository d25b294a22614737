import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col items-center justify-center gap-3 px-6 text-center">
      <p className="text-sm font-semibold text-zinc-500">404</p>
      <h1 className="text-xl font-semibold text-zinc-900">Page not found</h1>
      <p className="text-zinc-600">The page you asked for does not exist, or you cannot see it.</p>
      <Link href="/" className="font-medium text-indigo-700 hover:underline">
        Go to the app
      </Link>
    </main>
  );
}
