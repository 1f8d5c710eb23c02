import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "tab/dist/", ".data/", "artefacts/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: "readonly", process: "readonly" } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", ignoreRestSiblings: true }],
      "no-console": ["error", { allow: ["error"] }],
    },
  },
  {
    // Product commands and the service never run test code.
    files: ["bot/**/*.ts", "scripts/**/*.ts", "tab/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["**/test/**"], message: "Product code does not import test code." }] },
      ],
    },
  },
  {
    // The domain core stays free of frameworks and storage (DESIGN.md section 5).
    files: ["bot/src/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "botbuilder*",
                "botframework-*",
                "@azure/*",
                "express",
                "@microsoft/*",
                "node:fs*",
                "node:http*",
              ],
              message: "The domain core has no framework, storage or I/O imports.",
            },
            { group: ["**/adapters/**"], message: "The domain core does not depend on adapters." },
            { group: ["**/test/**"], message: "Product code does not import test code." },
          ],
        },
      ],
    },
  },
  {
    // The application sits below the adapters: it declares ports and never reaches storage itself.
    files: ["bot/src/application/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@azure/*", "botbuilder*", "botframework-*", "express", "@microsoft/*", "pino"],
              message: "The application declares a port for what it needs; adapters implement it.",
            },
            { group: ["**/adapters/**"], message: "The application does not depend on adapters." },
            { group: ["**/test/**"], message: "Product code never imports tests." },
          ],
        },
      ],
    },
  },
  {
    files: ["scripts/**/*.ts", "test/**/*.ts", "bench/**/*.ts"],
    rules: { "no-console": "off" },
  },
);
