import { parseMessage } from "../parse/parse-message.js";
import type { MessagePart } from "../parse/message-ast.js";

/**
 * English texts of the messages the engine itself renders, used when the
 * loaded catalogs lack them (custom catalog folders). The shipped `locmsg`
 * catalogs carry the same keys in every locale.
 */
const BUILT_IN_TEXTS: Record<string, string> = {
  "locmsg.taskInfo.progress": "{state} {percent}",
  "locmsg.taskInfo.reasonUser": "{reason} ({userName})",
  "locmsg.taskInfo.reasonAlarm": "{reason} ({alarmName})",
  "locmsg.taskInfo.reasonSchedule": "{reason} ({scheduledTaskName})",
  "locmsg.taskInfo.queueTime": "queued {time}",
  "locmsg.taskInfo.startTime": "started {time}",
  "locmsg.taskInfo.completeTime": "completed {time}",
  "locmsg.taskInfo.cancelled": "cancelled",
  "locmsg.taskInfo.error": "error: {error}",
  "locmsg.taskInfo.unknownTask": "Task {key}",
};

function parseBuiltIn(key: string, text: string): MessagePart[] {
  const result = parseMessage(text);
  if (!result.ok)
    throw new Error(
      `built-in message ${key} is invalid: ${result.error.message}`,
    );
  return result.parts;
}

export const BUILT_IN_MESSAGES: ReadonlyMap<string, readonly MessagePart[]> =
  new Map(
    Object.entries(BUILT_IN_TEXTS).map(([key, text]) => [
      key,
      parseBuiltIn(key, text),
    ]),
  );

export type BuiltInKey = keyof typeof BUILT_IN_TEXTS;
