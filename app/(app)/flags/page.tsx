import type { Metadata } from "next";
import { AreaPage } from "@/components/shell/area-page";
import { EmptyState } from "@/components/ui/empty-state";
import { FlagIcon } from "@/components/ui/icons";
import { userCan } from "@/server/auth/session";

export const metadata: Metadata = { title: "Feature flags" };

export default async function FlagsPage() {
  return (
    <AreaPage title="Feature flags" description="Turn features on for some users, roll them out gradually, and override them per user." allowed={await userCan("feature_flag", "read")}>
      <EmptyState
        icon={<FlagIcon />}
        title="No feature flags yet"
        description="Flags let you ship code dark and decide, without a deploy, who sees it. Your SDKs evaluate them through our API or any OpenFeature SDK."
      />
    </AreaPage>
  );
}
