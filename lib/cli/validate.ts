// Client-side checks of option values, so that a typo fails at once with a clear message
// instead of a round trip (and so that --json never prints anything for a bad command line).
import { usageError } from './errors';

/** A real calendar date as YYYY-MM-DD (2021-02-30 and 2021-13-01 are refused). */
export const isRealDate = (value: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const t = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === value;
};

export const parseDateOption = (option: string, value: string | undefined): string | undefined => {
  if (value === undefined) return undefined;
  if (!isRealDate(value)) throw usageError(`${option} must be a date as YYYY-MM-DD`);
  return value;
};

export const parseIntOption = (option: string, value: string | undefined, min: number, max: number) => {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max)
    throw usageError(`${option} must be a whole number from ${min} to ${max}`);
  return Number(value);
};

/** A non-empty filter value (the API refuses empty ones). */
export const parseTextOption = (option: string, value: string | undefined, max: number) => {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (!trimmed) throw usageError(`${option} must not be empty`);
  if (trimmed.length > max) throw usageError(`${option} must be at most ${max} characters`);
  return trimmed;
};

/** Document ids are 20 hexadecimal digits (the first 20 of sha256(key)). */
export const DOCUMENT_ID = /^[0-9a-f]{20}$/;

/** `reprocess` takes either --all or ids. */
export const checkReprocessArgs = (ids: string[], o: { all?: boolean }) => {
  if (o.all && ids.length > 0) throw usageError('pass either --all or document ids, not both');
  if (!o.all && ids.length === 0) throw usageError('name the documents to reprocess, or pass --all');
};
