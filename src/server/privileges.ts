/**
 * The vSphere privileges this server checks. Every role in vSphere contains
 * `System.Anonymous`, `System.View` and `System.Read`, so every user here
 * does too.
 */
export const IMPLIED_PRIVILEGES = [
  "System.Anonymous",
  "System.View",
  "System.Read",
] as const;

/** Privileges a user may be granted in the configuration. */
export const GRANTABLE_PRIVILEGES = [
  "Task.Create",
  "Task.Update",
  "Extension.Register",
  "Extension.Update",
  "Extension.Unregister",
] as const;

export const ALL_PRIVILEGES: readonly string[] = [
  ...IMPLIED_PRIVILEGES,
  ...GRANTABLE_PRIVILEGES,
];

/** The configuration's shorthand for every privilege. */
export const ALL_PRIVILEGES_WILDCARD = "*";

/** Returns the full privilege set of a user granted `granted`. */
export function expandPrivileges(granted: readonly string[]): Set<string> {
  if (granted.includes(ALL_PRIVILEGES_WILDCARD)) return new Set(ALL_PRIVILEGES);
  return new Set([...IMPLIED_PRIVILEGES, ...granted]);
}
