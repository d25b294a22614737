/** Every experiment management endpoint, for the OpenAPI document and the access tests. */
import { addMetricEndpoint } from "./add-metric";
import { addVariantEndpoint } from "./add-variant";
import { getBanditEndpoint, updateBanditSettingsEndpoint } from "./bandit";
import { changeExperimentStatusEndpoint } from "./change-experiment-status";
import { createExperimentEndpoint } from "./create-experiment";
import { deleteExperimentEndpoint } from "./delete-experiment";
import { getExperimentEndpoint } from "./get-experiment";
import { getExperimentResultsEndpoint } from "./get-experiment-results";
import { listExperimentsEndpoint } from "./list-experiments";
import { listMetricsEndpoint } from "./list-metrics";
import { listVariantsEndpoint } from "./list-variants";
import type { ManagementEndpoint } from "./management-endpoint";
import { removeMetricEndpoint } from "./remove-metric";
import { removeVariantEndpoint } from "./remove-variant";
import { reweightBanditEndpoint } from "./reweight-bandit";
import { updateExperimentEndpoint } from "./update-experiment";
import { updateMetricEndpoint } from "./update-metric";
import { updateVariantEndpoint } from "./update-variant";

export const experimentEndpoints: readonly ManagementEndpoint[] = [
  listExperimentsEndpoint,
  createExperimentEndpoint,
  getExperimentEndpoint,
  updateExperimentEndpoint,
  deleteExperimentEndpoint,
  changeExperimentStatusEndpoint,
  listVariantsEndpoint,
  addVariantEndpoint,
  updateVariantEndpoint,
  removeVariantEndpoint,
  listMetricsEndpoint,
  addMetricEndpoint,
  updateMetricEndpoint,
  removeMetricEndpoint,
  getExperimentResultsEndpoint,
  getBanditEndpoint,
  updateBanditSettingsEndpoint,
  reweightBanditEndpoint,
];
