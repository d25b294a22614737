/** Experiment keys are what SDKs and URLs use (DESIGN §4): lower-case slugs, checked by the database too. */
export const EXPERIMENT_KEY_PATTERN = /^[a-z0-9][a-z0-9_-]*$/;
export const EXPERIMENT_KEY_MAX_LENGTH = 100;
