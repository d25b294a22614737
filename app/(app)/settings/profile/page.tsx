import type { Metadata } from "next";
import { ChangePasswordForm, ProfileForm } from "@/components/profile/profile-forms";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { sessionContext } from "@/server/auth/session";
import { getProfile } from "@/server/services/users/update-profile";
import { PAGE_SIZES } from "@/server/services/users/user.schema";
import { changePasswordAction, updateProfileAction } from "./actions";
import { redirect } from "next/navigation";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage({ searchParams }: { searchParams: Promise<{ password?: string }> }) {
  const { password } = await searchParams;
  const ctx = await sessionContext();
  if (!ctx) redirect("/sign-in");
  const profile = await getProfile(ctx);
  const zones = Intl.supportedValuesOf("timeZone");
  const timeZones = zones.includes(profile.preferences.timeZone) ? ["UTC", ...zones.filter((z) => z !== "UTC")] : [profile.preferences.timeZone, "UTC", ...zones];
  return (
    <>
      <PageHeader title="Profile" description={`Signed in as ${profile.username}.`} />
      {password === "changed" ? (
        <Alert tone="success" role="status" className="mb-6">
          Password changed. Your other sessions have ended.
        </Alert>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="min-w-0 lg:col-span-2">
          <CardHeader title="Details and preferences" />
          <CardBody>
            <ProfileForm action={updateProfileAction} profile={profile} timeZones={timeZones} pageSizes={PAGE_SIZES} />
          </CardBody>
        </Card>
        <Card className="min-w-0 self-start">
          <CardHeader title="Password" description="Changing it signs you out everywhere else." />
          <CardBody>
            <ChangePasswordForm action={changePasswordAction} />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
