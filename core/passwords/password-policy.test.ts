import { describe, expect, it } from "vitest";
import { passwordProblem } from "./password-policy";

describe("passwordProblem", () => {
  it.each([
    ["short", /at least 12/],
    ["elevenchars", /at least 12/],
    ["password1234", /breached/],
    ["PASSWORD1234", /breached/],
    ["aaaaaaaaaaaaaaa", /repeated/],
    ["x".repeat(257), /at most 256/],
  ])("refuses %j", (password, message) => {
    expect(passwordProblem(password)).toMatch(message);
  });

  it.each(["a good long password", "product-manager-pw", "Tr0ub4dor&3-horse"])("accepts %j", (password) => {
    expect(passwordProblem(password)).toBeNull();
  });
});
