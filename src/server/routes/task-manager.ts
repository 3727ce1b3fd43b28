/**
 * `TaskManager`: CreateTask for extension task types, and the `recentTask`
 * and `description` properties.
 */
import type { FastifyInstance } from "fastify";
import {
  authenticate,
  requirePrivilege,
  requireSingleton,
} from "../authorize.js";
import type { ServerContext } from "../context.js";
import { invalidArgument, invalidState } from "../faults.js";
import { encodeTaskInfo } from "../localize-task.js";
import { bodySchema, moRefSchema } from "../schemas.js";
import { moRef } from "../wire.js";

const TYPE = "TaskManager";

interface Params {
  moId: string;
}

interface CreateTaskBody {
  obj: { type: string; value: string };
  taskTypeId: string;
  initiatedBy?: string;
  cancelable: boolean;
  parentTaskKey?: string;
  activationId?: string;
}

const ID = { type: "string", minLength: 1, maxLength: 1024 } as const;

export function taskManagerRoutes(
  app: FastifyInstance,
  context: ServerContext,
): void {
  app.post<{ Params: Params; Body: CreateTaskBody }>(
    `/${TYPE}/:moId/CreateTask`,
    {
      schema: {
        body: bodySchema(
          {
            obj: moRefSchema,
            taskTypeId: ID,
            initiatedBy: { type: "string", minLength: 1, maxLength: 256 },
            cancelable: { type: "boolean" },
            parentTaskKey: ID,
            activationId: ID,
          },
          ["obj", "taskTypeId", "cancelable"],
        ),
      },
    },
    async (request) => {
      const object = moRef(TYPE, request.params.moId);
      const caller = await authenticate(
        context,
        request,
        object,
        "Task.Create",
      );
      requireSingleton(TYPE, request.params.moId);
      requirePrivilege(caller, object, "Task.Create");

      // Every check comes before the store changes, so a fault leaves no task.
      const body = request.body;
      if (!context.extensions.hasTaskType(body.taskTypeId)) {
        throw invalidArgument(
          "taskType",
          `Task type '${body.taskTypeId}' is not declared by any registered extension; register an extension whose taskList contains it.`,
        );
      }
      let rootTaskKey: string | undefined;
      if (body.parentTaskKey !== undefined) {
        const parent = context.tasks.get(body.parentTaskKey);
        if (!parent) {
          throw invalidArgument(
            "parentTaskKey",
            `Parent task '${body.parentTaskKey}' does not exist; give the key of an existing task or leave parentTaskKey out.`,
          );
        }
        rootTaskKey = parent.rootTaskKey ?? parent.key;
      }

      const task = context.tasks.create(
        {
          descriptionId: body.taskTypeId,
          entity: { type: body.obj.type, value: body.obj.value },
          cancelable: body.cancelable,
          reasonUserName: body.initiatedBy ?? caller.user.userName,
          createdBy: caller.user.userName,
          ...(body.parentTaskKey !== undefined
            ? { parentTaskKey: body.parentTaskKey, rootTaskKey }
            : {}),
          ...(body.activationId !== undefined
            ? { activationId: body.activationId }
            : {}),
        },
        context.now(),
      );
      if (!task) {
        context.noteTaskStoreFull();
        throw invalidState(
          `The server keeps at most ${context.tasks.maxTasks} tasks and none of them has finished, so no task can be created; end tasks with SetTaskState success or error, or raise maxTasks in the server configuration.`,
        );
      }
      request.log.info(
        {
          taskKey: task.key,
          taskTypeId: task.descriptionId,
          entity: `${task.entity.type}:${task.entity.value}`,
        },
        "task created",
      );
      return encodeTaskInfo(
        task,
        context.rendering(caller),
        context.state.engine.catalogs,
        context.inventory,
      );
    },
  );

  app.get<{ Params: Params }>(`/${TYPE}/:moId/recentTask`, async (request) => {
    const object = moRef(TYPE, request.params.moId);
    const caller = await authenticate(context, request, object, "System.View");
    requireSingleton(TYPE, request.params.moId);
    requirePrivilege(caller, object, "System.View");
    return context.tasks.recent().map((task) => moRef("Task", task.key));
  });

  app.get<{ Params: Params }>(`/${TYPE}/:moId/description`, async (request) => {
    const object = moRef(TYPE, request.params.moId);
    const caller = await authenticate(context, request, object, "System.View");
    requireSingleton(TYPE, request.params.moId);
    requirePrivilege(caller, object, "System.View");
    return context.taskDescription(caller);
  });
}
