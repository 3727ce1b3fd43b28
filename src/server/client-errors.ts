/**
 * Responses to requests that Node.js's HTTP parser rejects before fastify
 * creates a request: headers over the size limit, an invalid
 * Content-Length, bytes that are not HTTP. The response is an
 * `InvalidRequest` fault body with the matching HTTP status (400, 408 or
 * 431) and `Connection: close`. Its log line is rate-limited, because a
 * client can send such bytes as fast as it likes and there is no request id.
 */
import { maxHeaderSize } from "node:http";
import type { Socket } from "node:net";
import type { FastifyInstance } from "fastify";
import { invalidRequest, type VimFault } from "./faults.js";
import { RepeatedLog } from "./repeat-log.js";

interface ClientError extends Error {
  code?: string;
  /** llhttp's description of a parse error, such as "Invalid method encountered". */
  reason?: string;
}

/** Returns a fastify `clientErrorHandler` that responds with a fault and logs it. */
export function createClientErrorHandler(): (
  this: FastifyInstance,
  error: ClientError,
  socket: Socket,
) => void {
  const repeated = new RepeatedLog();
  return function handleClientError(error, socket) {
    const code = error.code ?? "unknown";
    const notLogged = repeated.admit(code);
    // The client reset or closed the connection in the middle of a
    // request, so no response can reach it.
    if (CLOSED_BY_CLIENT.has(code) || socket.destroyed) {
      if (notLogged !== undefined) {
        this.log.info(
          {
            code,
            remoteAddress: socket.remoteAddress,
            repeatsNotLogged: notLogged,
          },
          "client closed the connection before its request was complete",
        );
      }
      socket.destroy();
      return;
    }
    const fault = describeClientError(error, code);
    if (notLogged !== undefined) {
      this.log.info(
        {
          fault: fault.faultType,
          code,
          statusCode: fault.statusCode,
          reason: fault.message,
          remoteAddress: socket.remoteAddress,
          repeatsNotLogged: notLogged,
        },
        "request rejected with a fault",
      );
    }
    // Respond only when no response has started on this connection.
    if (socket.writable && socket.bytesWritten === 0) {
      const body = JSON.stringify(fault.toWire());
      socket.write(
        [
          `HTTP/1.1 ${fault.statusCode} ${STATUS_TEXT[fault.statusCode] ?? "Bad Request"}`,
          "Content-Type: application/json; charset=utf-8",
          `Content-Length: ${Buffer.byteLength(body)}`,
          "Connection: close",
          "",
          body,
        ].join("\r\n"),
      );
    }
    socket.destroy();
  };
}

/**
 * Codes of a connection the client ended: a reset, or the end of the stream
 * (`HPE_INVALID_EOF_STATE`) before the request was complete.
 */
const CLOSED_BY_CLIENT = new Set(["ECONNRESET", "HPE_INVALID_EOF_STATE"]);

const STATUS_TEXT: Record<number, string> = {
  400: "Bad Request",
  408: "Request Timeout",
  431: "Request Header Fields Too Large",
};

function describeClientError(error: ClientError, code: string): VimFault {
  switch (code) {
    case "HPE_HEADER_OVERFLOW":
      return invalidRequest(
        `The request headers are larger than the server's limit of ${maxHeaderSize} bytes; send shorter headers.`,
        431,
      );
    case "ERR_HTTP_REQUEST_TIMEOUT":
      return invalidRequest(
        "The client did not send the complete request within the server's request timeout.",
        408,
      );
    case "HPE_INVALID_CONTENT_LENGTH":
    case "HPE_UNEXPECTED_CONTENT_LENGTH":
      return invalidRequest(
        "The request's Content-Length header is invalid, or it comes with Transfer-Encoding; send one Content-Length with the body's size in bytes.",
        400,
      );
  }
  const reason = error.reason ?? error.message;
  // Body bytes beyond Content-Length are read as the next request line.
  const hint =
    code === "HPE_INVALID_METHOD"
      ? " If it followed a request with a body, that body may be longer than its Content-Length header."
      : "";
  return invalidRequest(
    `The request is not valid HTTP/1.1 (${code}: ${reason}).${hint}`,
    400,
  );
}
