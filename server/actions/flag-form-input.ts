import { Invalid } from "../errors";

/**
 * The input a flag form carries, or Invalid with the fields whose text did not read as their type (a
 * number that is not one, JSON that does not parse): the schema could only call those "not a value".
 */
export function formInput<T>(read: { input: T; problems: Record<string, string[]> }): T {
  const fields = Object.keys(read.problems);
  if (fields.length > 0) throw new Invalid(read.problems[fields[0] ?? ""]?.[0] ?? "Invalid input.", read.problems);
  return read.input;
}
