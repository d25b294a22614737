import { ACTIONS, RESOURCES, type Resource } from "@/core/permissions/permissions";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/data-table";

const RESOURCE_LABELS: Record<Resource, string> = {
  experiment: "Experiments",
  feature_flag: "Feature flags",
  event: "Events",
  user: "Users",
  role: "Roles",
  api_key: "API keys",
  audit_log: "Audit log",
};

/**
 * The seed's resource × action catalogue as a grid of labelled checkboxes named `permissions`, each
 * labelled for assistive technology ("Experiments: update"). `grantable` limits what this person may
 * hand out: a permission they lack is shown, but cannot be ticked on.
 */
export function PermissionMatrix({ granted, grantable, disabled = false }: { granted: readonly string[]; grantable: readonly string[]; disabled?: boolean }) {
  return (
    <Table aria-label="Permissions">
      <THead>
        <tr>
          <Th>Resource</Th>
          {ACTIONS.map((action) => (
            <Th key={action} className="px-2 text-center capitalize">
              {action}
            </Th>
          ))}
        </tr>
      </THead>
      <TBody>
        {RESOURCES.map((resource) => (
          <Tr key={resource}>
            <Th scope="row" className="text-sm font-medium text-zinc-900">
              {RESOURCE_LABELS[resource]}
            </Th>
            {ACTIONS.map((action) => {
              const name = `${resource}:${action}`;
              const checked = granted.includes(name);
              return (
                <Td key={action} className="px-2 text-center">
                  <input
                    type="checkbox"
                    name="permissions"
                    value={name}
                    defaultChecked={checked}
                    disabled={disabled || (!checked && !grantable.includes(name))}
                    aria-label={`${RESOURCE_LABELS[resource]}: ${action}`}
                    className="size-4 cursor-pointer accent-accent-600 disabled:cursor-not-allowed"
                  />
                  {/* A disabled box is not submitted: keep a held permission the person cannot change. */}
                  {checked && !disabled && !grantable.includes(name) ? <input type="hidden" name="permissions" value={name} /> : null}
                </Td>
              );
            })}
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
