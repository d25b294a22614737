import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", "node_modules/**", ".data/**", "dist/**", "drizzle/**", "next-env.d.ts", "test-results/**", "playwright-report/**"],
  },
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      // App Router only: there is no pages/ directory to check links against.
      "@next/next/no-html-link-for-pages": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // core/ is pure domain logic (STYLE.md): no I/O, no framework, no environment.
    files: ["core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: ["node:*", "fs", "next", "next/*", "react", "react-dom", "drizzle-orm", "drizzle-orm/*", "@/db/*", "@/server/*", "../db/*", "../server/*", "../../db/*", "../../server/*"] },
      ],
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "core/ must not read the environment." }],
    },
  },
  {
    // Tests beside core/ code read the public conformance vectors from ../shared at run time.
    files: ["core/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: ["next", "next/*", "react", "react-dom", "drizzle-orm", "drizzle-orm/*", "@/db/*", "@/server/*", "../db/*", "../server/*", "../../db/*", "../../server/*"] },
      ],
    },
  },
];

export default config;
