import { Locmsg, LocmsgError } from "locmsg";

const engine = await Locmsg.fromDirectory("catalogs");
const session = engine.createSession({
  locale: "de-AT",
  timeZone: "Europe/Vienna",
});

// Message locale: the closest catalog locale to de-AT.
console.log(session.messageLocale);

const message = {
  key: "com.vmware.locmsg.taskState",
  arg: [{ key: "field", value: "queued" }],
};
console.log(session.format(message));

session.setLocale("en");
console.log(session.format(message));

// A message function renders one key with named arguments. It compiles the
// message on first use and follows the session's locale.
const ipAddress = session.message("com.vmware.locmsg.ipAddress");
console.log(ipAddress({ address: "10.0.0.1" }));

const task = session.renderTaskInfo({
  key: "task-7",
  descriptionId: "VirtualMachine.powerOn",
  entityName: "web01",
  state: "running",
  progress: 40,
});
console.log(task.line);

// Strict mode throws a LocmsgError with a stable code.
try {
  session.format({ key: "com.vmware.locmsg.ipAddress" }, { strict: true });
} catch (error) {
  if (error instanceof LocmsgError) console.log(error.code);
}
