/**
 * `Intl` formatters for one formatting locale and time zone, created once and
 * reused, because constructing them costs far more than formatting.
 */
export class Formatters {
  readonly number: Intl.NumberFormat;
  readonly percent: Intl.NumberFormat;
  readonly dateTime: Intl.DateTimeFormat;
  readonly list: Intl.ListFormat;

  constructor(
    readonly locale: string,
    readonly timeZone: string | undefined,
  ) {
    this.number = new Intl.NumberFormat(locale);
    this.percent = new Intl.NumberFormat(locale, { style: "percent" });
    this.dateTime = new Intl.DateTimeFormat(locale, {
      dateStyle: "medium",
      timeStyle: "medium",
      ...(timeZone ? { timeZone } : {}),
    });
    this.list = new Intl.ListFormat(locale, { type: "unit", style: "short" });
  }
}

// Bounded because locales and time zones can come from clients.
const MAX_CACHED = 256;
const cache = new Map<string, Formatters>();

/** Returns the shared formatters for a BCP 47 locale and an IANA time zone. */
export function getFormatters(locale: string, timeZone?: string): Formatters {
  const cacheKey = `${locale}\u0000${timeZone ?? ""}`;
  let formatters = cache.get(cacheKey);
  if (!formatters) {
    formatters = new Formatters(locale, timeZone);
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(cacheKey, formatters);
  }
  return formatters;
}

/** Reports whether `Intl` supports `timeZone` as an IANA time zone. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return true;
  } catch {
    return false;
  }
}
