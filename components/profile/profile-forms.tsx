"use client";

import { FormMessage } from "@/components/auth/form-message";
import { PendingButton } from "@/components/experiments/pending-button";
import { type FormAction, useCheckedAction } from "@/components/experiments/use-checked-action";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { PASSWORD_POLICY_TEXT } from "@/core/passwords/password-policy";

export interface ProfileValues {
  username: string;
  email: string;
  fullName: string | null;
  preferences: { theme: string; pageSize: number; timeZone: string };
}

/** Name, email, and the preferences the whole app follows: theme, rows per table page, time zone. */
export function ProfileForm({ action, profile, timeZones, pageSizes }: { action: FormAction; profile: ProfileValues; timeZones: string[]; pageSizes: readonly number[] }) {
  const { state, pending, errors, message, succeeded, onSubmit } = useCheckedAction(action);
  const values = state.values ?? {};
  return (
    <form onSubmit={onSubmit} className="space-y-5" aria-label="Profile">
      <FormMessage tone={succeeded ? "success" : "error"}>{message}</FormMessage>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Full name" error={errors.fullName}>
          {(control) => <Input {...control} name="fullName" defaultValue={values.fullName ?? profile.fullName ?? ""} />}
        </Field>
        <Field label="Email" error={errors.email}>
          {(control) => <Input {...control} name="email" type="email" required defaultValue={values.email ?? profile.email} />}
        </Field>
        <Field label="Theme" error={errors["preferences.theme"]}>
          {(control) => (
            <Select {...control} name="theme" defaultValue={values.theme ?? profile.preferences.theme}>
              <option value="system">Same as the system</option>
              <option value="light">Light</option>
              <option value="dark">Dark</option>
            </Select>
          )}
        </Field>
        <Field label="Rows per page" error={errors["preferences.pageSize"]} hint="For the lists of users, API keys and the audit log.">
          {(control) => (
            <Select {...control} name="pageSize" defaultValue={values.pageSize ?? String(profile.preferences.pageSize)}>
              {pageSizes.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Time zone" error={errors["preferences.timeZone"]} hint="Dates across the app are shown in this zone.">
          {(control) => (
            <Select {...control} name="timeZone" defaultValue={values.timeZone ?? profile.preferences.timeZone}>
              {timeZones.map((zone) => (
                <option key={zone} value={zone}>
                  {zone}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>
      <PendingButton pending={pending} pendingLabel="Saving…">
        Save profile
      </PendingButton>
    </form>
  );
}

/** Change your password: proves the current one, and ends your other sessions. */
export function ChangePasswordForm({ action }: { action: FormAction }) {
  const { pending, errors, message, succeeded, onSubmit } = useCheckedAction(action);
  return (
    <form onSubmit={onSubmit} className="space-y-4" aria-label="Change password">
      <FormMessage tone={succeeded ? "success" : "error"}>{message}</FormMessage>
      <Field label="Current password" error={errors.currentPassword}>
        {(control) => <Input {...control} name="currentPassword" type="password" autoComplete="current-password" required />}
      </Field>
      <Field label="New password" error={errors.newPassword} hint={PASSWORD_POLICY_TEXT}>
        {(control) => <Input {...control} name="newPassword" type="password" autoComplete="new-password" required />}
      </Field>
      <Field label="Confirm new password" error={errors.confirmPassword}>
        {(control) => <Input {...control} name="confirmPassword" type="password" autoComplete="new-password" required />}
      </Field>
      <PendingButton pending={pending} pendingLabel="Changing…">
        Change password
      </PendingButton>
    </form>
  );
}
