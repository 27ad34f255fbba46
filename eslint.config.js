// ESLint flat config. typescript-eslint loads the TypeScript 6 JavaScript API (the `typescript`
// package); the build uses TypeScript 7 (`typescript7`), which has no JavaScript API.
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "dist/",
      "node_modules/",
      "test/fixtures/",
      "bench/results/",
      "test-results/",
      "core/plugin/plugin-validators.generated.ts",
      "core/suite/suite-validators.generated.ts",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: {
        // The scripts outside tsconfig's folders: the benchmarks, the bundling script, configs.
        projectService: {
          allowDefaultProject: ["*.js", "bench/*.mjs", "scripts/*.mjs"],
          maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: 16,
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
      // `import type` is erased; `import { type X }` still loads the module under
      // verbatimModuleSyntax. Schema modules load TypeBox (~150 ms), so types come in erased.
      "@typescript-eslint/consistent-type-imports": [
        "error",
        { fixStyle: "separate-type-imports" },
      ],
      "@typescript-eslint/no-import-type-side-effects": "error",
      "@typescript-eslint/no-floating-promises": "error",
      eqeqeq: ["error", "always"],
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "tsyringe",
              importNames: ["container", "singleton", "registry", "autoInjectable"],
              message:
                "Never touch tsyringe's global container: only core/di/container.ts creates the root (a child of it). Register through the root or a plugin scope.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["core/**/*.ts", "plugins/**/*.ts"],
    // The CLI and the entry of an active test's
    // child process (its stdout is the test's captured output) print; nothing else does.
    ignores: ["core/cli/**", "core/run/test-child.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "MemberExpression[object.name='process'][property.name=/^(stdout|stderr|exit|exitCode)$/]",
          message: "Only the CLI writes to the terminal or ends the process; use the Logger.",
        },
        {
          selector: "CallExpression[callee.object.name='console']",
          message: "Only the CLI writes to the terminal; use the Logger.",
        },
      ],
    },
  },
  {
    files: ["core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/plugins/**", "../../plugins/*"],
              message: "The core knows no platform: it never imports a plugin.",
            },
            {
              group: ["**/hcl/**"],
              message: "The core never imports hcl/ (dependencies point cli → hcl → core).",
            },
          ],
          paths: [
            {
              name: "tsyringe",
              importNames: ["container", "singleton", "registry", "autoInjectable"],
              message:
                "Never touch tsyringe's global container: only core/di/container.ts creates the root (a child of it).",
            },
          ],
        },
      ],
    },
  },
  {
    // The CLI is the top of the graph (cli → hcl → core): it may import hcl/, nothing else in core may.
    files: ["core/cli/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/plugins/**", "../../plugins/*"],
              message: "The core knows no platform: it never imports a plugin.",
            },
          ],
          paths: [
            {
              name: "tsyringe",
              importNames: ["container", "singleton", "registry", "autoInjectable"],
              message:
                "Never touch tsyringe's global container: only core/di/container.ts creates the root (a child of it).",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["core/di/container.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "tsyringe",
              importNames: ["singleton", "registry", "autoInjectable"],
              message: "Decorators that register on the global container are banned.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["test/**/*.ts"],
    rules: {
      "@typescript-eslint/no-unused-expressions": "off",
    },
  },
);
