// What an empty body says to the writer.

import type { Extension } from "@codemirror/state";
import { placeholder as cmPlaceholder } from "@codemirror/view";

export function placeholder(text: string): Extension {
  return cmPlaceholder(text);
}
