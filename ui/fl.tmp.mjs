import { FluentBundle, FluentResource } from "@fluent/bundle";
import { readFileSync } from "node:fs";
for (const l of ["en", "es"]) {
  const b = new FluentBundle(l, { useIsolating: false });
  b.addResource(new FluentResource(readFileSync(`src/locales/${l}.ftl`, "utf8")));
  for (const [id, args] of JSON.parse(process.argv[2])) console.log(l, id, JSON.stringify(b.formatPattern(b.getMessage(id).value, args)));
}
