import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { can, RESOURCES } from "@/core/permissions/permissions";
import { requireUser } from "@/server/auth/session";
import { signOutAction } from "./actions";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const shellUser = { username: user.username, email: user.email, fullName: user.fullName, isSuperuser: user.isSuperuser, roles: user.roles };
  return (
    <AppShell user={shellUser} signOutAction={signOutAction} readable={RESOURCES.filter((r) => can(user.actor, r, "read"))}>
      {children}
    </AppShell>
  );
}
