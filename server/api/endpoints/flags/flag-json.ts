/**
 * Flags and overrides as the API answers with them (DESIGN §7): camelCase, dates as ISO-8601 strings.
 * Each serializer returns its schema's type, so the documented shape and the sent one cannot drift apart.
 */
import { z } from "zod";
import { FLAG_STATUSES } from "@/core/flags/flag-definition";
import type { FlagListRow } from "../../../services/flags/list-flags";
import type { OverrideListRow } from "../../../services/flags/list-overrides";
import type { FlagDetail } from "../../../services/flags/load-flag";
import type { Page } from "../../../services/pagination";
import { named } from "../../openapi/endpoint-doc";
import { ownerJsonSchema } from "../experiments/experiment-json";

const instant = z.iso.datetime().describe("An ISO-8601 instant in UTC.");
const iso = (date: Date) => date.toISOString();

export const flagRuleJsonSchema = z.object({
  id: z.string(),
  description: z.string().optional(),
  condition: z.record(z.string(), z.unknown()).describe("A GrowthBook-style targeting condition; `{}` matches everyone."),
  serve: z.string().optional().describe('"on" (the default), "off", or a variant key.'),
  rolloutPercentage: z.number().optional().describe("Share of matching users the rule serves (0 to 100, default 100); the others fall through to the next rule."),
});

export const flagVariantJsonSchema = z.object({
  key: z.string(),
  value: z.unknown().describe("Any JSON value but null."),
  weight: z.number().describe("Percentage of the users the flag is on for; the weights sum to 100."),
});

const flagFields = {
  id: z.uuid(),
  key: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  status: z.enum(FLAG_STATUSES),
  rolloutPercentage: z.number(),
  tags: z.array(z.string()),
  owner: ownerJsonSchema.nullable(),
  createdAt: instant,
  updatedAt: instant,
};

export const flagJsonSchema = z.object({
  ...flagFields,
  ownerId: z.uuid().nullable(),
  targetingRules: z.array(flagRuleJsonSchema).describe("In the order they apply."),
  variants: z.array(flagVariantJsonSchema).nullable().describe("Null for a boolean flag."),
  overrideCount: z.int(),
  activeOverrideCount: z.int(),
});

export const flagPageJsonSchema = z.object({
  data: z.array(z.object({ ...flagFields, multivariate: z.boolean(), ruleCount: z.int(), activeOverrideCount: z.int() })),
  page: z.int(),
  pageSize: z.int(),
  total: z.int().describe("Flags matching the filters, over all pages."),
});

export const overrideJsonSchema = z.object({
  id: z.uuid(),
  userId: z.string(),
  value: z.unknown(),
  reason: z.string().nullable(),
  expiresAt: instant.nullable(),
  active: z.boolean().describe("False once `expiresAt` has passed: kept for the record, never applied."),
  createdAt: instant,
  updatedAt: instant,
});

export const overridePageJsonSchema = z.object({ data: z.array(overrideJsonSchema), page: z.int(), pageSize: z.int(), total: z.int() });

export const overrideWriteJsonSchema = z.union([
  z.object({ override: overrideJsonSchema, created: z.boolean() }),
  z.object({ created: z.int(), updated: z.int() }).describe("The answer to a bulk request (`userIds`)."),
]);

export const deletedFlagJsonSchema = z.object({ id: z.uuid(), key: z.string(), overridesDeleted: z.int() });

export const flagStatusChangeJsonSchema = z.object({ outcome: z.enum(["changed", "unchanged"]), flag: flagJsonSchema });

export const flagBodies = {
  flag: named("FeatureFlag", flagJsonSchema),
  page: named("FeatureFlagPage", flagPageJsonSchema),
  override: named("FlagOverride", overrideJsonSchema),
  overrides: named("FlagOverridePage", overridePageJsonSchema),
  overrideWrite: named("FlagOverrideWriteResult", overrideWriteJsonSchema),
  deleted: named("DeletedFeatureFlag", deletedFlagJsonSchema),
  statusChange: named("FlagStatusChangeResult", flagStatusChangeJsonSchema),
};

export function flagJson(flag: FlagDetail): z.output<typeof flagJsonSchema> {
  return {
    id: flag.id,
    key: flag.key,
    name: flag.name,
    description: flag.description,
    status: flag.status,
    rolloutPercentage: flag.rolloutPercentage,
    tags: flag.tags,
    owner: flag.owner,
    ownerId: flag.ownerId,
    targetingRules: flag.targetingRules.map((rule) => ({
      id: rule.id,
      ...(rule.description ? { description: rule.description } : {}),
      condition: rule.condition,
      ...(rule.serve !== undefined ? { serve: rule.serve } : {}),
      ...(rule.rolloutPercentage != null ? { rolloutPercentage: rule.rolloutPercentage } : {}),
    })),
    variants: flag.variants?.map((v) => ({ key: v.key, value: v.value, weight: v.weight })) ?? null,
    overrideCount: flag.overrideCount,
    activeOverrideCount: flag.activeOverrideCount,
    createdAt: iso(flag.createdAt),
    updatedAt: iso(flag.updatedAt),
  };
}

export function flagPageJson(page: Page<FlagListRow>): z.output<typeof flagPageJsonSchema> {
  return {
    data: page.rows.map((row) => ({
      id: row.id,
      key: row.key,
      name: row.name,
      description: row.description,
      status: row.status,
      rolloutPercentage: row.rolloutPercentage,
      tags: row.tags,
      owner: row.owner,
      multivariate: row.multivariate,
      ruleCount: row.ruleCount,
      activeOverrideCount: row.activeOverrideCount,
      createdAt: iso(row.createdAt),
      updatedAt: iso(row.updatedAt),
    })),
    page: page.page,
    pageSize: page.pageSize,
    total: page.total,
  };
}

export function overrideJson(row: OverrideListRow): z.output<typeof overrideJsonSchema> {
  return { ...row, expiresAt: row.expiresAt ? iso(row.expiresAt) : null, createdAt: iso(row.createdAt), updatedAt: iso(row.updatedAt) };
}
