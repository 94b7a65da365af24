import { describe, expect, it } from "vitest";
import { DeliveryLog } from "../../src/app/deliveries.js";

describe("DeliveryLog: a delivery is acted on once, in bounded memory", () => {
  it("takes an id once, forgets a released one, and forgets the oldest beyond its size", () => {
    const log = new DeliveryLog(2);
    expect(log.take("a")).toBe(true);
    expect(log.take("a")).toBe(false);
    log.release("a");
    expect(log.take("a")).toBe(true);
    expect(log.take("b")).toBe(true);
    expect(log.take("c")).toBe(true);
    // "a" was the oldest of three with room for two.
    expect(log.take("a")).toBe(true);
    expect(log.take("c")).toBe(false);
  });
});
