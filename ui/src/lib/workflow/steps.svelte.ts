// The workflow as the core defines it (`workflow_steps`): every status's label and where a
// story in it may move. Loaded once; the UI never keeps a transition table of its own.

import * as backend from "../backend";
import type { Status, WorkflowStep } from "../backend";
import { statusLabel } from "../desk/draft.svelte";

class Workflow {
  steps = $state<WorkflowStep[]>([]);

  async load(): Promise<void> {
    this.steps = await backend.workflowSteps();
  }

  /** The core's label for `s` ("In edit"). */
  label(s: Status): string {
    return this.steps.find((x) => x.status === s)?.label ?? statusLabel(s);
  }

  /** Where a story in `s` may move, in the core's order. */
  next(s: Status): Status[] {
    return this.steps.find((x) => x.status === s)?.next ?? [];
  }
}

export const workflow = new Workflow();
