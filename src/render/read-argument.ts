import type { NameArgument, PositionArgument } from "../parse/message-ast.js";
import type { MessageArgument } from "../vsphere/localizable-message.js";
import { isRecord, unwrapViJson } from "../vsphere/vi-json.js";

export type ArgumentResult =
  { ok: true; value: unknown } | { ok: false; reason: string };

function present(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/**
 * Finds a placeholder's value. `{1}` takes the argument keyed `1`, else the
 * first argument by position. `{a.b}` takes the argument keyed `a.b` when
 * there is one, else walks property `b` of the argument keyed `a`.
 */
export function readArgument(
  argument: PositionArgument | NameArgument,
  args: readonly MessageArgument[],
): ArgumentResult {
  if (argument.kind === "position") {
    const keyed = findArgument(args, argument.key);
    const value = unwrapViJson(
      keyed ? keyed.value : args[argument.index - 1]?.value,
    );
    if (present(value)) return { ok: true, value };
    return {
      ok: false,
      reason: `there are ${args.length} arguments and none is keyed '${argument.key}'`,
    };
  }

  const { path } = argument;
  if (path.length > 1) {
    const exact = findArgument(args, argument.key);
    const exactValue = unwrapViJson(exact?.value);
    if (present(exactValue)) return { ok: true, value: exactValue };
  }

  const first = findArgument(args, path[0]!);
  let value: unknown = unwrapViJson(first?.value);
  if (!present(value)) {
    return { ok: false, reason: `no argument is keyed '${path[0]}'` };
  }
  for (let i = 1; i < path.length; i++) {
    const property = path[i]!;
    if (!isRecord(value) || !Object.hasOwn(value, property)) {
      return {
        ok: false,
        reason: `'${path.slice(0, i).join(".")}' has no property '${property}'`,
      };
    }
    value = unwrapViJson(value[property]);
  }
  if (present(value)) return { ok: true, value };
  return { ok: false, reason: `'${argument.key}' is null` };
}

/** Finds the first argument with `key`, in a loop because this runs per placeholder. */
function findArgument(
  args: readonly MessageArgument[],
  key: string,
): MessageArgument | undefined {
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (arg.key === key) return arg;
  }
  return undefined;
}
