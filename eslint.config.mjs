import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";
import reactHooks from "eslint-plugin-react-hooks";
import prettier from "eslint-config-prettier";
import * as espree from "espree";
import { layersRule } from "./scripts/lint/layers.mjs";

export default tseslint.config(
  { ignores: ["dist/**", "lib/**", "node_modules/**", "coverage/**", "test/e2e/screenshots/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser, Office: "readonly", Excel: "readonly" } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-require-imports": "off",
      "no-control-regex": "off",
    },
  },
  {
    // The React rules: hooks only at the top level, every effect's dependencies listed, no ref read or
    // written during render (the pane's logic lives in its controller, outside React).
    files: ["src/taskpane/**/*.{ts,tsx}", "src/webapp/**/*.{ts,tsx}", "test/taskpane/**/*.{ts,tsx}", "test/webapp/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
      "react-hooks/refs": "error",
    },
  },
  {
    // The old-engine script runs in Internet Explorer 11: ES5 only, which espree enforces here.
    files: ["src/legacy/**/*.js"],
    languageOptions: { parser: espree, ecmaVersion: 5, sourceType: "script", globals: { ...globals.browser } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { caughtErrors: "none" }],
      "no-var": "off",
      "prefer-const": "off",
    },
  },
  {
    // The web app's service worker (a plain script the release build fills in): the worker's globals, not the page's.
    files: ["src/webapp/service-worker.js"],
    languageOptions: { sourceType: "script", globals: { ...globals.serviceworker } },
  },
  {
    // The core stays pure: no Office, no DOM, no Node API.
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: ["fs", "path", "node:*", "exceljs", "react", "*/excel/*", "*/xlsx/*", "*/taskpane/*"] },
      ],
      "no-restricted-globals": ["error", "Office", "Excel", "document", "window", "process"],
    },
  },
  {
    // The floor plan (scripts/lint/layers.mjs, docs/architecture.md): each folder imports only what its layer may.
    files: ["src/**/*.{ts,tsx}"],
    plugins: { phuluc: { rules: { layers: layersRule } } },
    rules: { "phuluc/layers": "error" },
  },
  prettier,
);
