// The workflow as the core defines it (`workflow_steps`): every status's label and where a
// story in it may move. Loaded once, before the desk shows any story; the UI keeps neither a
// transition table nor a list of labels of its own.

import * as backend from "../backend";
import type { Status, WorkflowStep } from "../backend";
import { newsroom } from "../newsroom/newsroom.svelte";

class Workflow {
  steps = $state<WorkflowStep[]>([]);

  async load(): Promise<void> {
    this.steps = await backend.workflowSteps();
  }

  /** The core's label for `s` ("In edit"); the machine name, spaced, until the steps load. */
  label(s: Status): string {
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
