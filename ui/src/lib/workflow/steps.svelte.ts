// The workflow as the core defines it (`workflow_steps`): every status's label and where a
// story in it may move. Loaded once, before the desk shows any story; the UI keeps neither a
// transition table nor a list of labels of its own.

import * as backend from "../backend";
import type { Status, WorkflowStep } from "../backend";
import { t } from "../i18n";
import { newsroom } from "../newsroom/newsroom.svelte";

/** A status in the interface's language (the English words are the core's labels). */
function statusWords(s: Status): string | null {
  switch (s) {
    case "draft":
      return t("status-draft");
    case "in_edit":
      return t("status-in-edit");
    case "copy_desk":
      return t("status-copy-desk");
    case "ready":
      return t("status-ready");
    case "published":
      return t("status-published");
    case "spiked":
      return t("status-spiked");
    case "archived":
      return t("status-archived");
    default:
      return null;
  }
}

class Workflow {
  steps = $state<WorkflowStep[]>([]);

  async load(): Promise<void> {
    this.steps = await backend.workflowSteps();
  }

  /** The label for `s` in the interface's language ("In edit", "En edición"); the core's
   *  own label for a status the catalogue does not know. */
  label(s: Status): string {
    const words = statusWords(s);
    if (words) return words;
    return this.steps.find((x) => x.status === s)?.label ?? s.replace(/_/g, " ");
  }

  /** Where a story in `s` may move, in the core's order — on a newsroom desk, only the
   *  moves the person's role may make there (a correspondent files; an editor publishes). */
  next(s: Status): Status[] {
    const all = this.steps.find((x) => x.status === s)?.next ?? [];
    return all.filter((to) => newsroom.allows(s, to));
  }
}

export const workflow = new Workflow();
