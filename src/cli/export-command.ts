import type { CommandIo } from "./command-io.js";
import { dispatchFormat, type FormatCommand } from "./import-command.js";
import { vmsgExport } from "./vmsg-commands.js";
import { extensionExport } from "./extension-format-commands.js";

/** Formats `locmsg export` writes, by the name given as its first argument. */
export const EXPORT_FORMATS: Record<string, FormatCommand> = {
  vmsg: vmsgExport,
  extension: extensionExport,
};

export function exportCommand(argv: string[], io: CommandIo): Promise<number> {
  return dispatchFormat("export", EXPORT_FORMATS, argv, io);
}
