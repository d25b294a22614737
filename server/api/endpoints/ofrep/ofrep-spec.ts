/**
 * OFREP's own OpenAPI document (../shared/conformance/ofrep-openapi.yaml), compiled into JSON-schema
 * validators for its answers, so the tests check our responses against the spec itself, not a copy.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { parse } from "yaml";

export const OFREP_SPEC_PATH = path.resolve(process.cwd(), "../shared/conformance/ofrep-openapi.yaml");

type Schemas = Record<string, unknown>;

/**
 * The spec's `oneOf` of value types cannot hold as written: `codeDefaultFlag` (an object with no required
 * property) matches every answer, and an integer matches both `integerFlag` and `floatFlag`, so a
 * `oneOf` of them fails every answer with a value. We validate with those alternatives as the spec
 * describes them in prose: `codeDefaultFlag` is an answer *without* `value`, and a number is one case.
 * Nothing else is changed.
 */
function clarify(schemas: Schemas): Schemas {
  const evaluationSuccess = structuredClone(schemas.evaluationSuccess) as { allOf: [unknown, unknown] };
  evaluationSuccess.allOf[1] = {
    anyOf: [
      { $ref: "#/components/schemas/booleanFlag" },
      { $ref: "#/components/schemas/stringFlag" },
      { $ref: "#/components/schemas/floatFlag" },
      { $ref: "#/components/schemas/objectFlag" },
      { not: { required: ["value"] } },
    ],
  };
  return { ...schemas, evaluationSuccess };
}

export function ofrepValidators() {
  const spec = parse(readFileSync(OFREP_SPEC_PATH, "utf8")) as { components: { schemas: Schemas } };
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addFormat("float", true);
  ajv.addSchema({ $id: "ofrep", components: { schemas: clarify(spec.components.schemas) } });
  const validator = (name: string) => {
    const validate = ajv.getSchema(`ofrep#/components/schemas/${name}`);
    if (!validate) throw new Error(`OFREP schema ${name} not found`);
    return (value: unknown): string[] => (validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));
  };
  return {
    serverEvaluationSuccess: validator("serverEvaluationSuccess"),
    evaluationFailure: validator("evaluationFailure"),
    flagNotFound: validator("flagNotFound"),
    bulkEvaluationSuccess: validator("bulkEvaluationSuccess"),
    bulkEvaluationFailure: validator("bulkEvaluationFailure"),
    generalErrorResponse: validator("generalErrorResponse"),
    sseEventData: validator("sseEventData"),
  };
}
