import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // CLI, server and browser tests start processes; CI machines have two
    // cores and run suites in parallel, so single tests get generous time.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    include: ["test/**/*.test.ts"],
    // Points TMPDIR at a folder of its own for the run and removes it after.
    globalSetup: ["test/global-setup.ts"],
  },
});
