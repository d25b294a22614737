/**
 * Every server action in app/, with what it needs (STYLE "One wrapper per edge"; issue 8's permission
 * proof). A unit test reads app/**\/*actions.ts and fails on an exported action missing here, and the
 * permission suite (action-permissions.db.test.ts) calls every guarded one as a signed-out visitor, a
 * viewer and an experimenter, so a new action cannot skip the proof.
 */
import type { Permission } from "@/core/permissions/permissions";

export interface RegisteredAction {
  /** The file under app/, as the repository names it. */
  file: string;
  /** The exported name. */
  name: string;
  /**
   * What it takes: a permission; `"signed-in"` for what any signed-in user may do to their own
   * account; `"public"` for what runs before anyone is signed in.
   */
  needs: Permission | "signed-in" | "public";
}

export const ACTION_REGISTRY: readonly RegisteredAction[] = [
  { file: "app/(auth)/sign-in/actions.ts", name: "signInAction", needs: "public" },
  { file: "app/(auth)/setup/actions.ts", name: "setupAction", needs: "public" },
  { file: "app/(app)/actions.ts", name: "signOutAction", needs: "signed-in" },
  { file: "app/(app)/experiments/new/actions.ts", name: "createExperimentAction", needs: "experiment:create" },
  { file: "app/(app)/experiments/[key]/actions.ts", name: "updateExperimentAction", needs: "experiment:update" },
  { file: "app/(app)/experiments/[key]/actions.ts", name: "saveVariantsAction", needs: "experiment:update" },
  { file: "app/(app)/experiments/[key]/actions.ts", name: "saveTargetingAction", needs: "experiment:update" },
  { file: "app/(app)/experiments/[key]/actions.ts", name: "changeStatusAction", needs: "experiment:update" },
  { file: "app/(app)/experiments/[key]/actions.ts", name: "deleteExperimentAction", needs: "experiment:delete" },
  { file: "app/(app)/experiments/[key]/actions.ts", name: "duplicateExperimentAction", needs: "experiment:create" },
  { file: "app/(app)/experiments/[key]/metric-actions.ts", name: "addMetricAction", needs: "experiment:update" },
  { file: "app/(app)/experiments/[key]/metric-actions.ts", name: "updateMetricAction", needs: "experiment:update" },
  { file: "app/(app)/experiments/[key]/metric-actions.ts", name: "setPrimaryMetricAction", needs: "experiment:update" },
  { file: "app/(app)/experiments/[key]/metric-actions.ts", name: "removeMetricAction", needs: "experiment:update" },
  { file: "app/(app)/flags/actions.ts", name: "changeFlagStatusAction", needs: "feature_flag:update" },
  { file: "app/(app)/flags/new/actions.ts", name: "createFlagAction", needs: "feature_flag:create" },
  { file: "app/(app)/flags/[key]/actions.ts", name: "updateFlagAction", needs: "feature_flag:update" },
  { file: "app/(app)/flags/[key]/actions.ts", name: "saveFlagRulesAction", needs: "feature_flag:update" },
  { file: "app/(app)/flags/[key]/actions.ts", name: "changeFlagStatusAction", needs: "feature_flag:update" },
  { file: "app/(app)/flags/[key]/actions.ts", name: "duplicateFlagAction", needs: "feature_flag:create" },
  { file: "app/(app)/flags/[key]/actions.ts", name: "deleteFlagAction", needs: "feature_flag:delete" },
  { file: "app/(app)/flags/[key]/actions.ts", name: "saveOverrideAction", needs: "feature_flag:update" },
  { file: "app/(app)/flags/[key]/actions.ts", name: "bulkOverridesAction", needs: "feature_flag:update" },
  { file: "app/(app)/flags/[key]/actions.ts", name: "removeOverrideAction", needs: "feature_flag:update" },
  { file: "app/(app)/flags/[key]/actions.ts", name: "testFlagAction", needs: "feature_flag:read" },
  { file: "app/(app)/experiments/[key]/results-actions.ts", name: "refreshResultsAction", needs: "experiment:read" },
  { file: "app/(app)/experiments/[key]/bandit-actions.ts", name: "saveBanditSettingsAction", needs: "experiment:update" },
  { file: "app/(app)/experiments/[key]/bandit-actions.ts", name: "reweightBanditAction", needs: "experiment:update" },
  { file: "app/(app)/users/actions.ts", name: "createUserAction", needs: "user:create" },
  { file: "app/(app)/users/actions.ts", name: "updateUserAction", needs: "user:update" },
  { file: "app/(app)/users/actions.ts", name: "setUserActiveAction", needs: "user:update" },
  { file: "app/(app)/users/actions.ts", name: "resetPasswordAction", needs: "user:update" },
  { file: "app/(app)/roles/actions.ts", name: "createRoleAction", needs: "role:create" },
  { file: "app/(app)/roles/actions.ts", name: "updateRoleAction", needs: "role:update" },
  { file: "app/(app)/roles/actions.ts", name: "deleteRoleAction", needs: "role:delete" },
  { file: "app/(app)/api-keys/actions.ts", name: "createApiKeyAction", needs: "api_key:create" },
  { file: "app/(app)/api-keys/actions.ts", name: "revokeApiKeyAction", needs: "api_key:delete" },
  { file: "app/(app)/settings/profile/actions.ts", name: "updateProfileAction", needs: "signed-in" },
  { file: "app/(app)/settings/profile/actions.ts", name: "changePasswordAction", needs: "signed-in" },
];
