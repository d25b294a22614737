import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { can, RESOURCES } from "@/core/permissions/permissions";
import { PreferencesProvider } from "@/components/preferences/preferences-context";
import { themeClass } from "@/components/preferences/theme";
import { requireUser } from "@/server/auth/session";
import { readPreferences } from "@/server/services/users/update-profile";
import { signOutAction } from "./actions";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const shellUser = { username: user.username, email: user.email, fullName: user.fullName, isSuperuser: user.isSuperuser, roles: user.roles };
  const preferences = readPreferences(user.preferences);
  return (
    <div className={themeClass(preferences.theme)}>
      <PreferencesProvider value={preferences}>
        <AppShell user={shellUser} signOutAction={signOutAction} readable={RESOURCES.filter((r) => can(user.actor, r, "read"))}>
          {children}
        </AppShell>
      </PreferencesProvider>
    </div>
  );
}
