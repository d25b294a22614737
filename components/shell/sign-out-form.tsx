import { LogoutIcon } from "@/components/ui/icons";

export interface SignOutFormProps {
  /** A server action ("use server") that ends the session and redirects. */
  action: () => Promise<void>;
}

export function SignOutForm({ action }: SignOutFormProps) {
  return (
    <form action={action}>
      <button
        type="submit"
        className="flex w-full items-center gap-2.5 rounded-md px-3 py-2 text-left text-zinc-700 transition-colors hover:bg-zinc-100 hover:text-zinc-900"
      >
        <LogoutIcon className="size-4 text-zinc-500" />
        Sign out
      </button>
    </form>
  );
}
