"use client";

import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { PowerCurvePoint } from "@/core/stats/plan-experiment";

export interface PowerCurveChartProps {
  points: readonly PowerCurvePoint[];
  targetPower: number;
  usersNeeded: number | null;
  /** A sample the user asked about (the metric's minimum sample size), marked on the curve. */
  checkedUsers?: number;
}

const compact = new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 1 });
const percent = (value: number) => `${Math.round(value * 100)}%`;

/** Power against total users, with the target power and the users needed marked. */
export function PowerCurveChart({ points, targetPower, usersNeeded, checkedUsers }: PowerCurveChartProps) {
  return (
    <figure className="space-y-2">
      <div className="h-72 w-full" role="img" aria-label={`Power curve: power rises with total users and reaches ${percent(targetPower)} at ${usersNeeded ?? "no"} users.`}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={[...points]} margin={{ top: 8, right: 16, bottom: 24, left: 8 }}>
            <CartesianGrid stroke="#e4e4e7" strokeDasharray="3 3" />
            <XAxis
              dataKey="users"
              type="number"
              domain={[0, "dataMax"]}
              tickFormatter={(value: number) => compact.format(value)}
              label={{ value: "Total users", position: "insideBottom", offset: -14, fill: "#52525b", fontSize: 12 }}
              tick={{ fill: "#52525b", fontSize: 12 }}
            />
            <YAxis domain={[0, 1]} tickFormatter={percent} tick={{ fill: "#52525b", fontSize: 12 }} width={44} />
            <Tooltip formatter={(value) => [percent(Number(value)), "Power"]} labelFormatter={(label) => `${Number(label).toLocaleString("en")} users`} />
            <ReferenceLine y={targetPower} stroke="#a1a1aa" strokeDasharray="4 4" label={{ value: `Target ${percent(targetPower)}`, position: "insideTopLeft", fill: "#52525b", fontSize: 12 }} />
            {usersNeeded !== null ? (
              <ReferenceLine x={usersNeeded} stroke="#6366f1" strokeDasharray="4 4" label={{ value: "Needed", position: "insideBottomRight", fill: "#4338ca", fontSize: 12 }} />
            ) : null}
            {checkedUsers !== undefined ? (
              <ReferenceLine x={checkedUsers} stroke="#d97706" strokeDasharray="2 3" label={{ value: "Checked", position: "insideBottomLeft", fill: "#b45309", fontSize: 12 }} />
            ) : null}
            <Line type="monotone" dataKey="power" stroke="#4f46e5" strokeWidth={2} dot={false} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="text-[13px] text-zinc-600">Probability of a significant result against the total number of users across all variations.</figcaption>
    </figure>
  );
}
