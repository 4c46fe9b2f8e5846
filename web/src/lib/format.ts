// How values look on screen. Times are shown in UTC, as in the minutes and the CLI ("2026-03-31 14:00 UTC"), so
// every participant reads the same record.

export function formatTimestamp(value: unknown): string {
  if (typeof value !== 'string' || !value) return '';
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(value);
  return match ? `${match[1]} ${match[2]} UTC` : value;
}

export function formatDate(value: unknown): string {
  return typeof value === 'string' ? value.slice(0, 10) : '';
}

export function formatNumber(value: unknown, digits = 1): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '';
  return Number.isInteger(value) ? String(value) : value.toFixed(digits);
}

// For <input type="datetime-local">: "2026-03-31T14:00:00Z" <-> "2026-03-31T14:00", read as UTC.
export function timestampToInput(value: unknown): string {
  if (typeof value !== 'string' || !value) return '';
  return value.slice(0, 16);
}

export function inputToTimestamp(value: string): string | null {
  if (!value) return null;
  return value.length === 16 ? `${value}:00Z` : `${value}Z`;
}

export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function isOverdue(due: unknown, today = todayIso()): boolean {
  return typeof due === 'string' && due.slice(0, 10) < today;
}

// "12:05" for a timer.
export function clock(seconds: number): string {
  const sign = seconds < 0 ? '-' : '';
  const total = Math.abs(Math.round(seconds));
  const minutes = Math.floor(total / 60);
  return `${sign}${minutes}:${String(total % 60).padStart(2, '0')}`;
}
