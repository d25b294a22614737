"use client";

/**
 * Action-scoped feedback: on a page where several forms act on one thing (an experiment's details,
 * variants, lifecycle...), only the form used last shows its banner. A "Saved." from one card must not
 * outlive a Pause pressed in another: the banner belongs to the action that produced it.
 *
 *   <ActionScope>…the page's forms…</ActionScope>
 *
 *   const latest = useLatestAction();   // in each form (useCheckedAction does this)
 *   latest.claim();                     // when it submits
 *   {latest.isLatest ? <Banner/> : null}
 *
 * Outside an ActionScope every form counts as the latest, so a lone form needs nothing.
 */
import { createContext, type ReactNode, useCallback, useContext, useId, useMemo, useState } from "react";

interface Scope {
  latest: string | null;
  setLatest: (id: string) => void;
}

const ScopeContext = createContext<Scope | null>(null);

export function ActionScope({ children }: { children: ReactNode }) {
  const [latest, setLatest] = useState<string | null>(null);
  const scope = useMemo(() => ({ latest, setLatest }), [latest]);
  return <ScopeContext value={scope}>{children}</ScopeContext>;
}

export interface LatestAction {
  /** No other form of the scope has been used since this one. */
  isLatest: boolean;
  claim: () => void;
}

export function useLatestAction(): LatestAction {
  const scope = useContext(ScopeContext);
  const id = useId();
  const setLatest = scope?.setLatest;
  const claim = useCallback(() => setLatest?.(id), [setLatest, id]);
  return { isLatest: scope === null || scope.latest === null || scope.latest === id, claim };
}
