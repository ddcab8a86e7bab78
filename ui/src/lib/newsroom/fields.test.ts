// Choosing a value for a field two desks changed apart: the form's value as the conflict
// writes it, and setting either value back.
import { describe, expect, it } from "vitest";
import { fieldText, setFieldText, settable, shown } from "./fields";

const form = () => ({
  headline: "Lluvias en Oaxaca",
  dek: "",
  dateline: "OAXACA",
  section: "México",
  language: "es",
  tags: "lluvias,  Oaxaca ,",
});

describe("a field in conflict", () => {
  it("one-line fields can be set back; bylines and the hero cannot", () => {
    expect(settable("headline")).toBe(true);
    expect(settable("tags")).toBe(true);
    expect(settable("bylines")).toBe(false);
    expect(settable("hero")).toBe(false);
  });
  it("reads the form's value as the conflict writes it", () => {
    const f = form();
    expect(fieldText(f, "headline")).toBe("Lluvias en Oaxaca");
    expect(fieldText(f, "tags")).toBe("lluvias, Oaxaca");
    expect(fieldText(f, "bylines")).toBeNull();
  });
  it("sets the chosen value into the form", () => {
    const f = form();
    setFieldText(f, "headline", "Lluvias torrenciales en Oaxaca");
    expect(f.headline).toBe("Lluvias torrenciales en Oaxaca");
    expect(shown("")).toBe("(empty)");
  });
});
