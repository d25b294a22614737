import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { type EndpointView, apiDocsByTag } from "@/server/api/openapi/api-docs-view";
import { openApiDocument } from "@/server/api/openapi/openapi-document";

export const metadata: Metadata = { title: "API" };

const DOCUMENT_URL = "/api/v1/openapi.json";

const methodTones: Record<string, BadgeTone> = { GET: "accent", POST: "success", PUT: "warning", PATCH: "warning", DELETE: "danger" };

function MethodBadge({ method }: { method: string }) {
  return (
    <Badge tone={methodTones[method] ?? "neutral"} className="w-16 justify-center font-mono">
      {method}
    </Badge>
  );
}

/** OpenAPI descriptions mark code with backticks. */
function Prose({ text }: { text: string }) {
  return (
    <>
      {text.split(/`([^`]+)`/).map((part, index) =>
        index % 2 === 1 ? (
          <code key={index} className="rounded bg-zinc-100 px-1 text-[0.92em]">
            {part}
          </code>
        ) : (
          part
        ),
      )}
    </>
  );
}

function Auth({ auth }: { auth: string[] }) {
  if (auth.length === 0) return <span className="text-zinc-500">None</span>;
  return <span className="text-zinc-600">{auth.join(" or ")}</span>;
}

function JsonBlock({ value }: { value: unknown }) {
  return <pre className="mt-2 max-h-[32rem] overflow-auto rounded-md bg-zinc-50 p-3 font-mono text-xs/5 text-zinc-800 ring-1 ring-zinc-200">{JSON.stringify(value, null, 2)}</pre>;
}

function Disclosure({ summary, children }: { summary: string; children: ReactNode }) {
  return (
    <details className="group mt-3">
      <summary className="cursor-pointer text-sm font-medium text-accent-700 hover:text-accent-800">{summary}</summary>
      <div className="mt-2 space-y-4">{children}</div>
    </details>
  );
}

function Endpoint({ endpoint }: { endpoint: EndpointView }) {
  const path = endpoint.parameters.filter((p) => p.in === "path");
  const query = endpoint.parameters.filter((p) => p.in === "query");
  return (
    <article id={endpoint.operationId} className="scroll-mt-20 px-5 py-4">
      <div className="flex flex-wrap items-center gap-3">
        <MethodBadge method={endpoint.method} />
        <code className="font-mono text-sm font-medium break-all text-zinc-900">{endpoint.path}</code>
      </div>
      <h3 className="mt-2 font-medium text-zinc-900">{endpoint.summary}</h3>
      {endpoint.description ? (
        <p className="mt-1 max-w-3xl text-zinc-600">
          <Prose text={endpoint.description} />
        </p>
      ) : null}
      <p className="mt-2 text-sm">
        <span className="font-medium text-zinc-700">Auth: </span>
        <Auth auth={endpoint.auth} />
      </p>
      <Disclosure summary="Request">
        {path.length + query.length === 0 && endpoint.body === null ? <p className="text-zinc-600">No parameters and no body.</p> : null}
        {path.length > 0 ? (
          <div>
            <h4 className="text-sm font-medium text-zinc-800">Path parameters</h4>
            <JsonBlock value={Object.fromEntries(path.map((p) => [p.name, p.schema]))} />
          </div>
        ) : null}
        {query.length > 0 ? (
          <div>
            <h4 className="text-sm font-medium text-zinc-800">Query parameters</h4>
            <p className="text-sm text-zinc-600">Repeat a parameter to send several values.</p>
            <JsonBlock value={Object.fromEntries(query.map((p) => [p.name, { required: p.required, ...p.schema }]))} />
          </div>
        ) : null}
        {endpoint.body !== null ? (
          <div>
            <h4 className="text-sm font-medium text-zinc-800">JSON body</h4>
            <JsonBlock value={endpoint.body} />
          </div>
        ) : null}
      </Disclosure>
      <Disclosure summary="Responses">
        {endpoint.responses.map((response) => (
          <div key={response.status}>
            <h4 className="text-sm text-zinc-800">
              <span className="font-mono font-medium">{response.status}</span> · <Prose text={response.description} />
            </h4>
            {response.schema ? <JsonBlock value={response.schema} /> : null}
          </div>
        ))}
      </Disclosure>
    </article>
  );
}

export default function ApiDocsPage() {
  const tags = apiDocsByTag(openApiDocument());
  return (
    <>
      <PageHeader
        title="API"
        description="Every endpoint of the HTTP API, generated from the same schemas that validate its requests."
        actions={
          <a href={DOCUMENT_URL} className="font-medium text-accent-700 hover:text-accent-800">
            OpenAPI document (JSON)
          </a>
        }
      />
      <Card className="mb-6">
        <CardHeader title="Calling the API" />
        <CardBody className="space-y-2 text-zinc-700">
          <p>
            Send an API key as <code className="rounded bg-zinc-100 px-1">Authorization: Bearer &lt;key&gt;</code> or{" "}
            <code className="rounded bg-zinc-100 px-1">X-API-Key: &lt;key&gt;</code>. Client keys evaluate, assign and track; server keys also
            download configuration; admin keys manage, with the permissions of their role. Management endpoints also accept your signed-in
            session.
          </p>
          <p>
            Bodies are JSON with camelCase names. Errors look like{" "}
            <code className="rounded bg-zinc-100 px-1">{'{"error": {"code", "message", "details"?}}'}</code>; a 422 names each bad field in{" "}
            <code className="rounded bg-zinc-100 px-1">details.fields</code>.
          </p>
        </CardBody>
      </Card>
      <Table aria-label="Endpoints" containerClassName="mb-8">
        <THead>
          <Tr>
            <Th>Method</Th>
            <Th>Path</Th>
            <Th>Summary</Th>
            <Th>Auth</Th>
          </Tr>
        </THead>
        <TBody>
          {tags.flatMap((tag) =>
            tag.endpoints.map((endpoint) => (
              <Tr key={endpoint.operationId}>
                <Td>
                  <MethodBadge method={endpoint.method} />
                </Td>
                <Td>
                  <a href={`#${endpoint.operationId}`} className="font-mono text-xs text-zinc-900 hover:text-accent-700 hover:underline">
                    {endpoint.path}
                  </a>
                </Td>
                <Td>{endpoint.summary}</Td>
                <Td className="text-sm">
                  <Auth auth={endpoint.auth} />
                </Td>
              </Tr>
            )),
          )}
        </TBody>
      </Table>
      <div className="space-y-8">
        {tags.map((tag) => (
          <section key={tag.name} aria-labelledby={`tag-${tag.name}`}>
            <Card>
              <CardHeader title={<span id={`tag-${tag.name}`}>{tag.name}</span>} description={<Prose text={tag.description} />} />
              <div className="divide-y divide-zinc-100">
                {tag.endpoints.map((endpoint) => (
                  <Endpoint key={endpoint.operationId} endpoint={endpoint} />
                ))}
              </div>
            </Card>
          </section>
        ))}
      </div>
    </>
  );
}
