/**
 * Where a JSON text goes wrong, as a line and a column a person can find: "Line 2, column 14: expected ','
 * or '}' after the value." `JSON.parse` says where only in some engines and some cases, so this scans the
 * text itself, following the grammar of RFC 8259 (https://www.rfc-editor.org/rfc/rfc8259#section-2).
 */

export interface JsonSyntaxError {
  /** 1-based, as editors count. */
  line: number;
  column: number;
  message: string;
}

class Stop {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

function describe(char: string | undefined): string {
  if (char === undefined) return "the end of the text";
  if (char === "'") return "a single quote (JSON strings use double quotes)";
  return `'${char}'`;
}

/** Null when `text` is valid JSON; otherwise the first place it is not. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  let at = 0;
  const fail = (message: string): never => {
    throw new Stop(at, message);
  };
  const space = () => {
    while (at < text.length && " \t\n\r".includes(text[at] ?? "")) at++;
  };
  const expect = (char: string, context: string) => {
    if (text[at] !== char) fail(`expected '${char}' ${context}, found ${describe(text[at])}.`);
    at++;
  };

  function string() {
    at++; // the opening quote
    while (at < text.length) {
      const char = text[at] ?? "";
      if (char === '"') {
        at++;
        return;
      }
      if (char === "\\") {
        const escape = text[at + 1];
        if (escape === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(at + 2, at + 6))) fail("a \\u escape needs four hexadecimal digits.");
          at += 6;
        } else if (escape !== undefined && '"\\/bfnrt'.includes(escape)) at += 2;
        else fail(`${describe(escape)} cannot follow a backslash in a string.`);
      } else if (char < " ") fail("a string cannot contain a line break or control character; write \\n instead.");
      else at++;
    }
    fail("the string is not closed: a '\"' is missing.");
  }

  function number() {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(at));
    if (!match || match[0] === "-") fail(`${describe(text[at])} does not start a value.`);
    at += match ? match[0].length : 0;
  }

  function value(): void {
    space();
    const char = text[at];
    if (char === "{") return object();
    if (char === "[") return array();
    if (char === '"') return string();
    for (const word of ["true", "false", "null"]) {
      if (text.startsWith(word, at)) {
        at += word.length;
        return;
      }
    }
    if (char !== undefined && /[-0-9]/.test(char)) return number();
    fail(char === undefined ? "the text ends where a value was expected." : `${describe(char)} does not start a value (a string needs double quotes).`);
  }

  function object() {
    at++;
    space();
    if (text[at] === "}") {
      at++;
      return;
    }
    for (;;) {
      space();
      if (text[at] !== '"') fail(text[at] === "}" ? "a comma before '}' is not allowed." : `expected a property name in double quotes, found ${describe(text[at])}.`);
      string();
      space();
      expect(":", "after the property name");
      value();
      space();
      if (text[at] === ",") {
        at++;
        continue;
      }
      if (text[at] === "}") {
        at++;
        return;
      }
      fail(`expected ',' or '}' after the value, found ${describe(text[at])}.`);
    }
  }

  function array() {
    at++;
    space();
    if (text[at] === "]") {
      at++;
      return;
    }
    for (;;) {
      space();
      if (text[at] === "]") fail("a comma before ']' is not allowed.");
      value();
      space();
      if (text[at] === ",") {
        at++;
        continue;
      }
      if (text[at] === "]") {
        at++;
        return;
      }
      fail(`expected ',' or ']' after the value, found ${describe(text[at])}.`);
    }
  }

  try {
    value();
    space();
    if (at < text.length) fail(`nothing may follow the value, found ${describe(text[at])}.`);
    return null;
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    const before = text.slice(0, error.offset).split("\n");
    return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1, message: error.message };
  }
}

/** The message a form shows under a JSON field: "Not valid JSON: line 1, column 15: expected ..." */
export function jsonSyntaxMessage(text: string): string | null {
  const error = findJsonSyntaxError(text);
  return error ? `Not valid JSON: line ${error.line}, column ${error.column}: ${error.message}` : null;
}

/**
 * Text a form field held that did not parse as JSON, handed to a schema as is so that the schema can say
 * where it goes wrong. JSON from an API request can never be one of these, so an API client sending a
 * string where an object belongs is told that, not about JSON syntax.
 */
export class UnparsedJson {
  constructor(readonly text: string) {}

  get message(): string {
    return jsonSyntaxMessage(this.text) ?? "Not valid JSON.";
  }
}
