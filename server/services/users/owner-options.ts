import { can } from "@/core/permissions/permissions";
import type { ServiceContext } from "../../context";
import { listUsers } from "./list-users";

export interface OwnerOption {
  id: string;
  label: string;
}

interface Person {
  id: string;
  username: string;
  fullName: string | null;
}

const label = (person: Person) => (person.fullName ? `${person.fullName} (${person.username})` : person.username);

/**
 * Who a form may offer as an owner: the active users when the reader may list users, else only those
 * given (the signed-in user, the current owner), who are always offered so the form keeps its value.
 */
export async function ownerOptions(ctx: ServiceContext | null, ...always: (Person | null)[]): Promise<OwnerOption[]> {
  const options: OwnerOption[] = [];
  if (ctx && can(ctx.actor, "user", "read")) {
    const users = await listUsers(ctx, { pageSize: 200 });
    for (const user of users.rows) if (user.isActive) options.push({ id: user.id, label: label(user) });
  }
  for (const person of always) if (person && !options.some((o) => o.id === person.id)) options.unshift({ id: person.id, label: label(person) });
  return options;
}
