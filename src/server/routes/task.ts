/**
 * `Task/{moId}`: the `info` property, read in the caller's locale, and the
 * methods an extension drives its task with. Each method checks every
 * argument and the task's state before it changes anything.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Caller } from "../auth.js";
import { authenticate, requirePrivilege } from "../authorize.js";
import type { ServerContext } from "../context.js";
import {
  invalidArgument,
  invalidRequest,
  invalidState,
  managedObjectNotFound,
  notSupported,
} from "../faults.js";
import { encodeTaskInfo } from "../localize-task.js";
import {
  bodySchema,
  emptyBodySchema,
  localizableMessageSchema,
  localizedMethodFaultSchema,
} from "../schemas.js";
import { isFinished, type StoredTask } from "../task-store.js";
import type { TaskInfoState } from "../../vsphere/types.js";
import { isEncodableAny, moRef, type StoredMessage } from "../wire.js";

const TYPE = "Task";
const UPDATE = "Task.Update";

interface Params {
  moId: string;
}

interface SetTaskStateBody {
  state: TaskInfoState;
  result?: unknown;
  fault?: {
    fault: Record<string, unknown>;
    localizedMessage?: string;
  };
}

/** Authenticates, finds the task and checks the privilege, in that order. */
async function openTask(
  context: ServerContext,
  request: FastifyRequest<{ Params: Params }>,
  privilegeId: string,
): Promise<{ caller: Caller; task: StoredTask }> {
  const object = moRef(TYPE, request.params.moId);
  const caller = await authenticate(context, request, object, privilegeId);
  const task = context.tasks.get(request.params.moId);
  if (!task) throw managedObjectNotFound(TYPE, request.params.moId);
  requirePrivilege(caller, object, privilegeId);
  return { caller, task };
}

function rejectFinished(task: StoredTask, method: string): void {
  if (isFinished(task)) {
    throw invalidState(
      `Task '${task.key}' has already finished with state '${task.state}', so ${method} cannot change it.`,
    );
  }
}

export function taskRoutes(app: FastifyInstance, context: ServerContext): void {
  app.get<{ Params: Params }>(`/${TYPE}/:moId/info`, async (request) => {
    const { caller, task } = await openTask(context, request, "System.Read");
    return encodeTaskInfo(
      task,
      context.rendering(caller),
      context.state.engine.catalogs,
      context.inventory,
    );
  });

  app.post<{ Params: Params; Body: { description: StoredMessage } }>(
    `/${TYPE}/:moId/SetTaskDescription`,
    {
      schema: {
        body: bodySchema({ description: localizableMessageSchema }, [
          "description",
        ]),
      },
    },
    async (request, reply) => {
      const { task } = await openTask(context, request, UPDATE);
      rejectFinished(task, "SetTaskDescription");
      const { key, arg, message } = request.body.description;
      arg?.forEach((argument, index) => {
        if (!isEncodableAny(argument.value)) {
          throw invalidRequest(
            `'description.arg.${index}.value' has no VI/JSON type: send a string, number or boolean, or an object with '_typeName'.`,
          );
        }
      });
      task.description = {
        key,
        ...(arg
          ? { arg: arg.map((item) => ({ key: item.key, value: item.value })) }
          : {}),
        ...(message !== undefined ? { message } : {}),
      };
      request.log.info(
        { taskKey: task.key, messageKey: key },
        "task description set",
      );
      return reply.code(204).send();
    },
  );

  app.post<{ Params: Params; Body: { percentDone: number } }>(
    `/${TYPE}/:moId/UpdateProgress`,
    {
      schema: {
        body: bodySchema({ percentDone: { type: "integer" } }, ["percentDone"]),
      },
    },
    async (request, reply) => {
      const { task } = await openTask(context, request, UPDATE);
      const { percentDone } = request.body;
      if (percentDone < 0 || percentDone > 100) {
        throw invalidArgument(
          "percentDone",
          `percentDone is ${percentDone}; give a whole number from 0 to 100.`,
        );
      }
      if (task.state !== "running") {
        throw invalidState(
          `Task '${task.key}' is ${task.state}; progress can be updated only while it is running.`,
        );
      }
      task.progress = percentDone;
      return reply.code(204).send();
    },
  );

  app.post<{ Params: Params; Body: SetTaskStateBody }>(
    `/${TYPE}/:moId/SetTaskState`,
    {
      schema: {
        body: bodySchema(
          {
            state: {
              type: "string",
              enum: ["queued", "running", "success", "error"],
            },
            result: {},
            fault: localizedMethodFaultSchema,
          },
          ["state"],
        ),
      },
    },
    async (request, reply) => {
      const { caller, task } = await openTask(context, request, UPDATE);
      const { state, result, fault } = request.body;
      rejectFinished(task, "SetTaskState");
      if (result !== undefined && state !== "success") {
        throw invalidArgument(
          "result",
          "A result can be set only with state 'success'.",
        );
      }
      if (result !== undefined && !isEncodableAny(result)) {
        throw invalidRequest(
          "'result' has no VI/JSON type: send a string, number or boolean, or an object with '_typeName'.",
        );
      }
      if (fault !== undefined && state !== "error") {
        throw invalidArgument(
          "fault",
          "A fault can be set only with state 'error'.",
        );
      }

      const now = context.now();
      const previous = task.state;
      task.state = state;
      if (state === "running") task.startTime ??= now;
      if (state === "success" || state === "error") task.completeTime = now;
      if (result !== undefined) task.result = result;
      if (fault !== undefined) {
        task.error = {
          fault: fault.fault,
          ...(fault.localizedMessage !== undefined
            ? { localizedMessage: fault.localizedMessage }
            : {}),
          locale: context.rendering(caller).messageLocale,
        };
      }
      context.tasks.stateChanged(task);
      request.log.info(
        { taskKey: task.key, from: previous, to: state },
        "task state changed",
      );
      return reply.code(204).send();
    },
  );

  app.post<{ Params: Params }>(
    `/${TYPE}/:moId/CancelTask`,
    { schema: { body: emptyBodySchema } },
    async (request, reply) => {
      const object = moRef(TYPE, request.params.moId);
      const caller = await authenticate(context, request, object, UPDATE);
      const task = context.tasks.get(request.params.moId);
      if (!task) throw managedObjectNotFound(TYPE, request.params.moId);
      // The user who created or started a task may cancel it; others need Task.Update.
      const userName = caller.user.userName;
      if (userName !== task.createdBy && userName !== task.reasonUserName) {
        requirePrivilege(caller, object, UPDATE);
      }
      if (!task.cancelable) {
        throw notSupported(`Task '${task.key}' is not cancelable.`);
      }
      if (task.cancelled) {
        throw invalidState(`Task '${task.key}' has already been cancelled.`);
      }
      rejectFinished(task, "CancelTask");
      // The extension that runs the task reads `cancelled` and ends it.
      task.cancelled = true;
      request.log.info({ taskKey: task.key }, "task cancelled");
      return reply.code(204).send();
    },
  );
}
