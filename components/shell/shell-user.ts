/** The signed-in user as the shell shows them. */
export interface ShellUser {
  username: string;
  email: string;
  fullName: string | null;
  isSuperuser: boolean;
  roles: string[];
}

export function displayNameOf(user: Pick<ShellUser, "fullName" | "username">): string {
  return user.fullName?.trim() || user.username;
}
