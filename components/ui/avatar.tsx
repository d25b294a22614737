import { cx } from "./class-names";

/** Up to two initials: "Ada Lovelace" → "AL", "ada.lovelace" → "AL", "admin" → "A". */
export function initialsOf(name: string): string {
  const parts = name.trim().split(/[\s._@-]+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : parts;
  const initials = letters.map((part) => Array.from(part ?? "")[0] ?? "").join("");
  return initials.toUpperCase() || "?";
}

export interface AvatarProps {
  name: string;
  size?: "sm" | "md";
  className?: string;
}

/** Initials in a circle. Decorative: show the name as text next to it. */
export function Avatar({ name, size = "md", className }: AvatarProps) {
  return (
    <span
      aria-hidden="true"
      className={cx(
        "inline-flex shrink-0 items-center justify-center rounded-full bg-accent-100 font-semibold text-accent-800 select-none",
        size === "sm" ? "size-7 text-[11px]" : "size-8 text-xs",
        className,
      )}
    >
      {initialsOf(name)}
    </span>
  );
}
