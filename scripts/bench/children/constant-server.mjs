// The server benchmark's baseline: fastify with the logger settings of
// `locmsg serve`, responding to GET /constant and POST /constant with the
// same JSON body every time. The POST route parses the request body as
// JSON first, as CreateTask does.
//
//   node constant-server.mjs BODY_FILE
//
// Logs go to stdout like the real server's; the line
// `constant server started` has the port.
import { readFileSync } from "node:fs";
import Fastify from "fastify";

const body = readFileSync(process.argv[2], "utf8");
const app = Fastify({ logger: { level: "info" } });
const reply = (_request, response) =>
  response.type("application/json").send(body);
app.get("/constant", reply);
app.post("/constant", reply);
await app.listen({ host: "127.0.0.1", port: 0 });
app.log.info({ port: app.server.address().port }, "constant server started");
const stop = () => app.close().then(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
