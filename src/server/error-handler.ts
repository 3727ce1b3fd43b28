/**
 * Turns every error a request raises into a vSphere fault response and logs
 * it: faults at `info` (a client's mistake), anything else at `error` as
 * `SystemError`, with the request id to find the stack in the log. It is
 * also fastify's `frameworkErrors` handler, for URLs the router cannot read.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { invalidRequest, VimFault } from "./faults.js";

interface ValidationIssue {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

export function handleError(
  error: FastifyError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const fault = toFault(error as FastifyError, request);
  if (!(error instanceof VimFault) && fault.faultType === "SystemError") {
    request.log.error(
      { err: error, url: request.url },
      "request failed with an unexpected error",
    );
  } else {
    request.log.info(
      {
        fault: fault.faultType,
        ...faultIds(fault),
        url: request.url,
        reason: fault.message,
      },
      "request rejected with a fault",
    );
  }
  if (fault.retryAfterSeconds !== undefined) {
    reply.header("retry-after", String(fault.retryAfterSeconds));
  }
  return reply
    .status(fault.statusCode)
    .type("application/json")
    .send(fault.toWire());
}

/** Maximum length of a URL quoted in a fault message. */
const QUOTED_URL_LENGTH = 200;

function toFault(error: FastifyError, request: FastifyRequest): VimFault {
  if (error instanceof VimFault) return error;
  const validation = (error as { validation?: ValidationIssue[] }).validation;
  if (validation)
    return invalidRequest(describeValidation(validation, request));

  // Node.js raises ECONNRESET "aborted" while the body is read when the
  // client closes the connection; no handler ran, so nothing changed.
  if (error.code === "ECONNRESET" && request.raw.destroyed) {
    return invalidRequest(
      "The client closed the connection before the request body was complete.",
    );
  }
  switch (error.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return invalidRequest(
        `The request body is larger than the server's limit of ${request.routeOptions.bodyLimit} bytes.`,
        413,
      );
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE": {
      const contentType = request.headers["content-type"] ?? "";
      return invalidRequest(
        contentType.trim() === ""
          ? "The request has a body but no content type; send the body as JSON with 'Content-Type: application/json'."
          : `The content type '${contentType}' is not supported; send the body as JSON with 'Content-Type: application/json'.`,
      );
    }
    case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
      return invalidRequest(
        "The request body does not match its Content-Length header.",
      );
    case "FST_ERR_BAD_URL":
      return invalidRequest(
        `The request URL '${quoteUrl(request.url)}' has an invalid percent-encoding; write '%' as '%25' and every other escape as '%' and two hex digits.`,
        400,
      );
    case "FST_ERR_MAX_PARAM_LENGTH":
      return invalidRequest(
        `A segment of the request URL '${quoteUrl(request.url)}' is longer than ${request.server.initialConfig.maxParamLength ?? 100} characters; no release, managed object id or file name is that long.`,
        414,
      );
  }
  // Other errors fastify raises for a bad request carry a 4xx status.
  if (
    error.code?.startsWith("FST_") &&
    error.statusCode !== undefined &&
    error.statusCode >= 400 &&
    error.statusCode < 500
  ) {
    return invalidRequest(
      `The request was rejected: ${error.message.replace(/\.$/, "")}.`,
      error.statusCode,
    );
  }
  const fault = new VimFault(
    "SystemError",
    `An internal error occurred; the server log has the details under request id ${request.id}.`,
    { reason: "internal error" },
  );
  return fault;
}

function quoteUrl(url: string): string {
  return url.length > QUOTED_URL_LENGTH
    ? `${url.slice(0, QUOTED_URL_LENGTH)}...`
    : url;
}

/** Words an ajv error the way a client can act on: the property path and the problem. */
function describeValidation(
  issues: readonly ValidationIssue[],
  request: FastifyRequest,
): string {
  const segments = request.url.split("?")[0]!.split("/");
  const method = `${segments.at(-3)}.${segments.at(-1)}`;
  const [issue] = issues;
  if (!issue) return `Invalid request body for ${method}.`;
  const where =
    issue.instancePath === ""
      ? "the body"
      : `'${issue.instancePath.slice(1).replaceAll("/", ".")}'`;
  let problem: string;
  switch (issue.keyword) {
    case "additionalProperties":
      problem = `${where} has unknown property '${String(issue.params["additionalProperty"])}'`;
      break;
    case "required":
      problem = `required property '${String(issue.params["missingProperty"])}' is missing from ${where}`;
      break;
    case "type":
      problem = `${where} must be of type ${String(issue.params["type"])}`;
      break;
    case "const":
      problem = `${where} must be '${String(issue.params["allowedValue"])}'`;
      break;
    case "enum":
      problem = `${where} must be one of ${(issue.params["allowedValues"] as unknown[]).join(", ")}`;
      break;
    default:
      problem = `${where} ${issue.message ?? "is invalid"}`;
  }
  return `Invalid request body for ${method}: ${problem}.`;
}

/** Picks the ids a fault names, for the log line. */
function faultIds(fault: VimFault): Record<string, unknown> {
  const ids: Record<string, unknown> = {};
  for (const name of ["invalidProperty", "privilegeId", "object", "obj"]) {
    if (fault.properties[name] !== undefined)
      ids[name] = fault.properties[name];
  }
  return ids;
}
