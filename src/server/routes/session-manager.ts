/**
 * `SessionManager`: Login, Logout, SetLocale and the locale properties.
 * The locale properties and `currentSession` need no login, as in vSphere,
 * where they require only `System.Anonymous`.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Session } from "../../engine/session.js";
import { InvalidLocaleError } from "../../locales/locale-settings.js";
import type { Caller } from "../auth.js";
import { authenticate, requireSingleton } from "../authorize.js";
import type { ServerContext } from "../context.js";
import { invalidLocale, invalidLogin, notAuthenticated } from "../faults.js";
import { bodySchema, emptyBodySchema } from "../schemas.js";
import { redactSessionId, type ServerSession } from "../sessions.js";
import { dateTime, moRef } from "../wire.js";

const TYPE = "SessionManager";
const ANONYMOUS = "System.Anonymous";
const SESSION_HEADER = "vmware-api-session-id";

interface Params {
  moId: string;
}

const LOCALE = { type: "string", maxLength: 64 } as const;

export function sessionManagerRoutes(
  app: FastifyInstance,
  context: ServerContext,
): void {
  app.post<{
    Params: Params;
    Body: { userName: string; password: string; locale?: string };
  }>(
    `/${TYPE}/:moId/Login`,
    {
      schema: {
        body: bodySchema(
          {
            userName: { type: "string", maxLength: 256 },
            password: { type: "string", maxLength: 1024 },
            locale: LOCALE,
          },
          ["userName", "password"],
        ),
      },
    },
    async (request, reply) => {
      requireSingleton(TYPE, request.params.moId);
      const { userName, password, locale } = request.body;
      const user = await context.auth.login(userName, password);
      if (!user) {
        request.log.warn(
          { userName, ipAddress: request.ip },
          "login failed: wrong user name or password",
        );
        throw invalidLogin();
      }
      const rendering = createRendering(context, locale);
      const session = context.sessions.create(user, locale || undefined, {
        ipAddress: request.ip,
        userAgent: request.headers["user-agent"] ?? "",
      });
      session.rendering = {
        generation: context.state.generation,
        session: rendering,
      };
      request.log.info(
        {
          userName,
          sessionKey: session.key,
          sessionId: redactSessionId(session.id),
          locale: rendering.locale,
        },
        "user logged in",
      );
      return reply
        .header(SESSION_HEADER, session.id)
        .send(encodeUserSession(session, rendering));
    },
  );

  app.post<{ Params: Params }>(
    `/${TYPE}/:moId/Logout`,
    { schema: { body: emptyBodySchema } },
    async (request, reply) => {
      const session = await requireSession(context, request, "Logout");
      context.sessions.remove(session);
      request.log.info(
        { userName: session.user.userName, sessionKey: session.key },
        "user logged out",
      );
      return reply.code(204).send();
    },
  );

  app.post<{ Params: Params; Body: { locale: string } }>(
    `/${TYPE}/:moId/SetLocale`,
    { schema: { body: bodySchema({ locale: LOCALE }, ["locale"]) } },
    async (request, reply) => {
      const session = await requireSession(context, request, "SetLocale");
      const rendering = createRendering(context, request.body.locale);
      session.requestedLocale = request.body.locale || undefined;
      session.rendering = {
        generation: context.state.generation,
        session: rendering,
      };
      request.log.info(
        { sessionKey: session.key, locale: rendering.locale },
        "session locale changed",
      );
      return reply.code(204).send();
    },
  );

  app.get<{ Params: Params }>(
    `/${TYPE}/:moId/currentSession`,
    async (request, reply) => {
      requireSingleton(TYPE, request.params.moId);
      const caller: Caller | undefined = await context.auth.authenticate(
        request.headers,
      );
      // Unset when the caller has no session, as vSphere returns it.
      if (!caller?.session) return reply.code(204).send();
      return encodeUserSession(caller.session, context.rendering(caller));
    },
  );

  app.get<{ Params: Params }>(
    `/${TYPE}/:moId/defaultLocale`,
    async (request, reply) => {
      requireSingleton(TYPE, request.params.moId);
      // A bare string would go out as text/plain; VI/JSON sends a JSON string.
      return reply
        .type("application/json")
        .send(JSON.stringify(context.state.engine.settings.defaultLocale));
    },
  );

  app.get<{ Params: Params }>(
    `/${TYPE}/:moId/supportedLocaleList`,
    async (request) => {
      requireSingleton(TYPE, request.params.moId);
      const settings = context.state.engine.settings;
      // Without a configured list every locale Intl formats is accepted;
      // the list can only name the locales that have catalogs.
      return settings.supportedLocaleList ?? settings.messageLocaleList;
    },
  );

  app.get<{ Params: Params }>(
    `/${TYPE}/:moId/messageLocaleList`,
    async (request) => {
      requireSingleton(TYPE, request.params.moId);
      return context.state.engine.settings.messageLocaleList;
    },
  );
}

/** Checks a locale as SetLocale does; raises `InvalidLocale`. */
function createRendering(
  context: ServerContext,
  locale: string | undefined,
): Session {
  try {
    return context.state.engine.createSession(locale ? { locale } : {});
  } catch (error) {
    // The diagnostic's own message, without the "error invalid-locale:"
    // prefix of LocmsgError.message, reads like vSphere's fault message.
    if (error instanceof InvalidLocaleError) {
      throw invalidLocale(error.diagnostics[0]?.message ?? error.message);
    }
    throw error;
  }
}

/** Returns the caller's session. Basic credentials carry none, so they cannot log out or set a locale. */
async function requireSession(
  context: ServerContext,
  request: FastifyRequest<{ Params: Params }>,
  method: string,
): Promise<ServerSession> {
  const object = moRef(TYPE, request.params.moId);
  const caller = await authenticate(context, request, object, ANONYMOUS);
  requireSingleton(TYPE, request.params.moId);
  if (!caller.session) {
    throw notAuthenticated(
      object,
      ANONYMOUS,
      `${method} acts on a session, and Basic credentials create none; log in with SessionManager.Login and send the session id in the 'vmware-api-session-id' header.`,
    );
  }
  return caller.session;
}

export function encodeUserSession(
  session: ServerSession,
  rendering: Session,
): Record<string, unknown> {
  return {
    _typeName: "UserSession",
    key: session.key,
    userName: session.user.userName,
    fullName: session.user.fullName,
    loginTime: dateTime(session.loginTime),
    lastActiveTime: dateTime(session.lastActiveTime),
    locale: rendering.locale,
    messageLocale: rendering.messageLocale,
    extensionSession: false,
    ipAddress: session.ipAddress,
    userAgent: session.userAgent,
    callCount: session.callCount,
  };
}
