/** The class that scopes the app's palette to the user's theme (see globals.css, "Themes"). */
export function themeClass(theme: "light" | "dark" | "system"): string {
  return `theme-${theme}`;
}
