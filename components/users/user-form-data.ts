import type { CreateUserInput, UpdateUserInput } from "@/server/services/users/user.schema";

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : undefined;
};

/**
 * The user form's fields as service input. Role checkboxes are `roles`; superuser is offered to
 * superusers only, so its checkbox counts only when the form says it showed it (`superuserShown`).
 */
export function userFormFields(form: FormData, mode: "create"): CreateUserInput;
export function userFormFields(form: FormData, mode: "update"): UpdateUserInput & { user: string };
export function userFormFields(form: FormData, mode: "create" | "update"): CreateUserInput | (UpdateUserInput & { user: string }) {
  const roles = form.getAll("roles").filter((v): v is string => typeof v === "string");
  const superuser = form.get("superuserShown") === "1" ? form.get("isSuperuser") === "on" : undefined;
  const fullName = text(form, "fullName")?.trim();
  if (mode === "create") {
    const password = text(form, "password") ?? "";
    return {
      username: text(form, "username") ?? "",
      email: text(form, "email") ?? "",
      fullName: fullName || undefined,
      password: password === "" ? undefined : password,
      roles,
      isSuperuser: superuser ?? false,
    };
  }
  return {
    user: text(form, "user") ?? "",
    email: text(form, "email"),
    fullName: fullName === undefined ? undefined : fullName || null,
    roles,
    ...(superuser === undefined ? {} : { isSuperuser: superuser }),
  };
}
