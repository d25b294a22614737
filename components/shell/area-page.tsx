import type { ReactNode } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { ShieldIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";

export interface AreaPageProps {
  title: string;
  description: string;
  /** Whether the signed-in user may read this area at all. */
  allowed: boolean;
  /** Buttons for the page header (shown only when allowed), e.g. "New experiment". */
  actions?: ReactNode;
  children: ReactNode;
}

/** A top-level area of the app: its header, then its content, or a "no access" state. */
export function AreaPage({ title, description, allowed, actions, children }: AreaPageProps) {
  return (
    <>
      <PageHeader title={title} description={description} actions={allowed ? actions : undefined} />
      {allowed ? (
        children
      ) : (
        <EmptyState
          icon={<ShieldIcon />}
          title="You don't have access to this page"
          description="Your role does not include permission to view it. Ask an administrator if you need access."
        />
      )}
    </>
  );
}
