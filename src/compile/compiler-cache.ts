import type { CatalogSet } from "../catalogs/catalog.js";
import { DEFAULT_LIMITS } from "../limits.js";
import type { RenderContext } from "../render/render-context.js";
import { MessageCompiler } from "./message-compiler.js";

/**
 * Compilers kept per catalog set. Sessions with the same locale chain,
 * formatting locale and time zone share one, so their compiled messages and
 * label tables exist once. Bounded because locales and time zones come from
 * clients; the oldest compiler is dropped first.
 */
const MAX_COMPILERS = 64;

const compilers = new WeakMap<CatalogSet, Map<string, MessageCompiler>>();

/** Returns the compiler for a render context, creating it on first use. */
export function compilerFor(context: RenderContext): MessageCompiler {
  const { catalogs, chain, formatters, maxDepth } = context;
  const limits = context.limits ?? DEFAULT_LIMITS;
  let byTarget = compilers.get(catalogs);
  if (!byTarget) {
    byTarget = new Map();
    compilers.set(catalogs, byTarget);
  }

  const id = [
    chain.join(","),
    formatters.locale,
    formatters.timeZone ?? "",
    maxDepth,
    limits.maxRenderSteps,
    limits.maxArgumentLength,
  ].join("\u0000");
  let compiler = byTarget.get(id);
  if (compiler && compiler.revision === catalogs.revision) return compiler;

  compiler = new MessageCompiler({
    catalogs,
    chain,
    formatters,
    maxDepth,
    maxRenderSteps: limits.maxRenderSteps,
    maxArgumentLength: limits.maxArgumentLength,
  });

  byTarget.delete(id);
  if (byTarget.size >= MAX_COMPILERS) {
    byTarget.delete(byTarget.keys().next().value!);
  }
  byTarget.set(id, compiler);
  return compiler;
}
