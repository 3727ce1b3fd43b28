// The browser words a fault type without a catalog summary as the server's
// humanizeTypeName does.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { humanize } from "../../src/browser/task-info.js";
import { humanizeTypeName } from "../../src/render/render-task-info.js";
import { PROPERTY_SETTINGS } from "../property/fast-check-settings.js";

const NAMES = [
  "HostNotConnected",
  "InvalidArgument",
  "vim.fault.HTTPServerError",
  "vmodl.fault.SystemError",
  "VMFSVolumeFull",
  "NoVMotionLicense",
  "IPv6Address",
  "VAppConfigFault",
  "ABCDeFGHij",
  "aBCDe",
  "A1BCd",
  "ABc",
  "com.example.Fault",
  "vim.fault.",
  "",
  " leading space",
  "two  spaces",
];

describe("browser fault wording", () => {
  it.each(NAMES)("words %j as the server does", (name) => {
    expect(humanize(name)).toBe(humanizeTypeName(name));
  });

  it("matches the server on generated names", () => {
    const name = fc.oneof(
      fc.string({
        unit: fc.constantFrom("A", "B", "a", "b", "1", " ", ".", "É", "é"),
        maxLength: 24,
      }),
      fc
        .string({ unit: fc.constantFrom("A", "b", "1", "."), maxLength: 16 })
        .map((rest) => `vim.fault.${rest}`),
    );
    fc.assert(
      fc.property(name, (value) => humanize(value) === humanizeTypeName(value)),
      PROPERTY_SETTINGS,
    );
  });
});
