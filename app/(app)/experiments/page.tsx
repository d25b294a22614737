import type { Metadata } from "next";
import { AreaPage } from "@/components/shell/area-page";
import { EmptyState } from "@/components/ui/empty-state";
import { BeakerIcon } from "@/components/ui/icons";
import { userCan } from "@/server/auth/session";

export const metadata: Metadata = { title: "Experiments" };

export default async function ExperimentsPage() {
  return (
    <AreaPage title="Experiments" description="A/B, multivariate, split-URL and bandit experiments." allowed={await userCan("experiment", "read")}>
      <EmptyState
        icon={<BeakerIcon />}
        title="No experiments yet"
        description="Experiments test a change on a share of your users and tell you, with statistics you can trust, whether it worked."
      />
    </AreaPage>
  );
}
