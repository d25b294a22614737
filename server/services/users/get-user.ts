import { authorize } from "../../authorize";
import type { ServiceContext } from "../../context";
import { validate } from "../validate";
import { type UserView, findUser, roleNamesOf, userView } from "./find-user";
import { userRefSchema } from "./user.schema";

export async function getUser(ctx: ServiceContext, input: { user: string }): Promise<UserView> {
  authorize(ctx, "user", "read");
  const ref = validate(userRefSchema, input.user);
  const user = await findUser(ctx.db, ref);
  return userView(user, await roleNamesOf(ctx.db, user.id));
}
