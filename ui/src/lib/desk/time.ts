// "Updated 5 min ago": times as a busy desk reads them.

import { formatDate, t } from "../i18n";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function relativeTime(iso: string, now: Date = new Date()): string {
  const then = new Date(iso);
  const ms = now.getTime() - then.getTime();
  if (Number.isNaN(ms)) return "";
  if (ms < MINUTE) return t("time-just-now");
  if (ms < HOUR) return t("time-minutes-ago", { minutes: Math.floor(ms / MINUTE) });
  if (ms < DAY && then.getDate() === now.getDate()) return t("time-hours-ago", { hours: Math.floor(ms / HOUR) });
  if (ms < 2 * DAY) return t("time-yesterday");
  if (ms < 7 * DAY) return formatDate(then, { weekday: "long" });
  return formatDate(then, {
    day: "numeric",
    month: "short",
    year: then.getFullYear() === now.getFullYear() ? undefined : "numeric",
  });
}

export function clockTime(d: Date): string {
  return formatDate(d, { hour: "2-digit", minute: "2-digit" });
}
