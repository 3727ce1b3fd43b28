/**
 * JSON Schemas of the request bodies. vSphere rejects unknown properties
 * and wrong types in a request, so every object schema sets
 * `additionalProperties: false`; data objects may carry their `_typeName`.
 * Lengths and counts are bounded so one request cannot make the server do
 * unbounded work.
 */

const NAME = { type: "string", minLength: 1, maxLength: 256 } as const;
const TEXT = { type: "string", maxLength: 65_536 } as const;

function typeName(name: string) {
  return { type: "string", const: name } as const;
}

export const moRefSchema = {
  type: "object",
  required: ["type", "value"],
  additionalProperties: false,
  properties: {
    _typeName: typeName("ManagedObjectReference"),
    type: NAME,
    value: NAME,
  },
} as const;

export const localizableMessageSchema = {
  type: "object",
  required: ["key"],
  additionalProperties: false,
  properties: {
    _typeName: typeName("LocalizableMessage"),
    key: { type: "string", minLength: 1, maxLength: 1024 },
    arg: {
      type: "array",
      maxItems: 256,
      items: {
        type: "object",
        required: ["key", "value"],
        additionalProperties: false,
        properties: {
          _typeName: typeName("KeyAnyValue"),
          key: { type: "string", maxLength: 1024 },
          value: {},
        },
      },
    },
    message: TEXT,
  },
} as const;

export const localizedMethodFaultSchema = {
  type: "object",
  required: ["fault"],
  additionalProperties: false,
  properties: {
    _typeName: typeName("LocalizedMethodFault"),
    fault: {
      type: "object",
      required: ["_typeName"],
      properties: {
        _typeName: {
          type: "string",
          pattern: "^[A-Za-z][A-Za-z0-9_.]*$",
          maxLength: 256,
        },
        faultMessage: {
          type: "array",
          maxItems: 64,
          items: localizableMessageSchema,
        },
      },
    },
    localizedMessage: TEXT,
  },
} as const;

/** Builds the schema of a request body whose properties are exactly `properties`. */
export function bodySchema(
  properties: Record<string, object>,
  required: readonly string[] = [],
) {
  return {
    type: "object",
    required,
    additionalProperties: false,
    properties,
  } as const;
}

/** Methods without parameters accept an empty object or no body. */
export const emptyBodySchema = bodySchema({});

const objectList = {
  type: "array",
  maxItems: 1024,
  items: { type: "object" },
} as const;

export const extensionSchema = {
  type: "object",
  required: ["key", "description", "version"],
  additionalProperties: false,
  properties: {
    _typeName: typeName("Extension"),
    key: NAME,
    description: {
      type: "object",
      required: ["label", "summary"],
      additionalProperties: false,
      properties: {
        _typeName: typeName("Description"),
        label: TEXT,
        summary: TEXT,
      },
    },
    company: TEXT,
    type: TEXT,
    version: { type: "string", maxLength: 256 },
    subjectName: TEXT,
    server: objectList,
    client: objectList,
    taskList: {
      type: "array",
      maxItems: 4096,
      items: {
        type: "object",
        required: ["taskID"],
        additionalProperties: false,
        properties: {
          _typeName: typeName("ExtensionTaskTypeInfo"),
          taskID: { type: "string", maxLength: 1024 },
        },
      },
    },
    eventList: objectList,
    faultList: objectList,
    privilegeList: objectList,
    resourceList: {
      type: "array",
      maxItems: 4096,
      items: {
        type: "object",
        required: ["locale", "module", "data"],
        additionalProperties: false,
        properties: {
          _typeName: typeName("ExtensionResourceInfo"),
          locale: { type: "string", maxLength: 64 },
          module: { type: "string", maxLength: 256 },
          data: {
            type: "array",
            maxItems: 100_000,
            items: {
              type: "object",
              required: ["key", "value"],
              additionalProperties: false,
              properties: {
                _typeName: typeName("KeyValue"),
                key: { type: "string", maxLength: 1024 },
                value: TEXT,
              },
            },
          },
        },
      },
    },
    lastHeartbeatTime: { type: "string", format: "date-time" },
    healthInfo: { type: "object" },
    ovfConsumerInfo: { type: "object" },
    extendedProductInfo: { type: "object" },
    managedEntityInfo: objectList,
    shownInSolutionManager: { type: "boolean" },
    solutionManagerInfo: { type: "object" },
  },
} as const;
