"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { readFlagForm } from "@/components/flags/flag-form-data";
import { authedAction } from "@/server/actions/action";
import { formInput } from "@/server/actions/flag-form-input";
import { createFlag } from "@/server/services/flags/create-flag";
import { createFlagSchema } from "@/server/services/flags/flag.schema";
import { validate } from "@/server/services/validate";

export const createFlagAction = authedAction(async (ctx, form) => {
  const flag = await createFlag(ctx, validate(createFlagSchema, formInput(readFlagForm(form))));
  revalidatePath("/flags");
  redirect(`/flags/${flag.key}`);
});
