"use client";

import { type ReactNode, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { cx } from "@/components/ui/class-names";
import { Field } from "@/components/ui/field";
import { CheckCircleIcon, InfoIcon, SpinnerIcon, WarningIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { type TestUserResult, type TestableExperiment, testUser } from "./test-user-result";

/** What a test answers: a problem with one of the two fields, or a result to show. */
export type TestOutcome = { kind: "invalid"; field: "userId" | "context"; message: string } | { kind: "result"; content: ReactNode };

export interface TestUserCardProps {
  /** Says what the result is computed by. */
  description: ReactNode;
  /** Runs the test for the typed user id and context text. */
  run: (userId: string, contextText: string) => TestOutcome | Promise<TestOutcome>;
}

/**
 * "Test a user": a user id and context in, what the SDK endpoints would answer out. Shared by experiments
 * (assignment, computed in the browser) and flags (evaluation, asked of the server). Not a <form>, because
 * it may sit inside another form; Enter in the user id runs the test instead of submitting that form.
 */
export function TestUserCard({ description, run }: TestUserCardProps) {
  const [userId, setUserId] = useState("");
  const [contextText, setContextText] = useState("");
  const [outcome, setOutcome] = useState<TestOutcome | null>(null);
  const [pending, setPending] = useState(false);
  const headingId = useId();
  const test = async () => {
    setPending(true);
    try {
      setOutcome(await run(userId, contextText));
    } finally {
      setPending(false);
    }
  };
  const fieldError = (field: "userId" | "context") => (outcome?.kind === "invalid" && outcome.field === field ? outcome.message : null);

  return (
    <Card role="region" aria-labelledby={headingId}>
      <CardHeader title={<span id={headingId}>Test a user</span>} description={description} />
      <CardBody className="space-y-4">
        <Field label="User id" error={fieldError("userId")}>
          {(control) => (
            <Input
              {...control}
              autoComplete="off"
              spellCheck={false}
              placeholder="user-123"
              value={userId}
              onChange={(event) => setUserId(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === "Enter") {
                  event.preventDefault();
                  void test();
                }
              }}
            />
          )}
        </Field>
        <Field label="Context (JSON)" error={fieldError("context")} hint="The attributes the SDK would send. The user id is visible to conditions as id.">
          {(control) => (
            <Textarea
              {...control}
              rows={4}
              spellCheck={false}
              placeholder='{"country": "US", "plan": "pro"}'
              className="font-mono text-[13px]"
              value={contextText}
              onChange={(event) => setContextText(event.target.value)}
            />
          )}
        </Field>
        <div className="flex flex-wrap items-start gap-3">
          <Button variant="primary" onClick={() => void test()} disabled={pending} aria-busy={pending || undefined}>
            {pending ? <SpinnerIcon className="size-4 animate-spin" /> : null}
            Test
          </Button>
          {/* Always present, so that screen readers announce each new result. */}
          <div role="status" aria-live="polite" className="min-w-0 flex-1 max-sm:basis-full">
            {outcome?.kind === "result" ? outcome.content : null}
          </div>
        </div>
      </CardBody>
    </Card>
  );
}

export interface TestUserPanelProps {
  experiment: TestableExperiment;
}

const looks = {
  enrolled: { box: "border-success-200 bg-success-50 text-success-800", Icon: CheckCircleIcon, icon: "text-success-600" },
  "not-enrolled": { box: "border-zinc-200 bg-zinc-50 text-zinc-800", Icon: InfoIcon, icon: "text-zinc-500" },
  "not-active": { box: "border-warning-200 bg-warning-50 text-warning-800", Icon: WarningIcon, icon: "text-warning-600" },
} as const;

/** The experiment's test: enrolled or not and which variant, as the assignment API answers a user with no stored assignment. */
export function TestUserPanel({ experiment }: TestUserPanelProps) {
  return (
    <TestUserCard
      description="What the assignment API answers for this user, computed by the same code. A user who already has an assignment keeps it."
      run={(userId, contextText) => {
        const result = testUser(experiment, userId, contextText);
        return result.kind === "invalid" ? result : { kind: "result", content: <ResultBox result={result} /> };
      }}
    />
  );
}

function ResultBox({ result }: { result: Exclude<TestUserResult, { kind: "invalid" }> }) {
  const look = looks[result.kind];
  return (
    <p className={cx("flex items-start gap-2 rounded-lg border px-3 py-1.5 font-medium", look.box)}>
      <look.Icon className={cx("mt-1 size-4 shrink-0", look.icon)} />
      <span>{result.message}</span>
    </p>
  );
}
