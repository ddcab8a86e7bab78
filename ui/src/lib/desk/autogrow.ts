// A textarea that grows with its text, for the headline and the dek: they read as
// paragraphs, not as boxes with scrollbars. Heights are set through the CSSOM, which the
// content security policy allows (inline `style` attributes it does not).

import type { Action } from "svelte/action";

export const autogrow: Action<HTMLTextAreaElement, string> = (node) => {
  const fit = () => {
    // Not rendered (the writing desk is hidden under another screen): there is nothing to
    // measure, and fitting would pin the height at 0 px, leaving a field no one can click
    // when the desk comes back. The observer fits it again once it is shown.
    if (node.getClientRects().length === 0) return;
    node.style.height = "auto";
    node.style.height = `${node.scrollHeight}px`;
  };
  const observer = new ResizeObserver(fit);
  observer.observe(node);
  node.addEventListener("input", fit);
  requestAnimationFrame(fit);
  return {
    // The value changed from outside (another article was opened).
    update: () => requestAnimationFrame(fit),
    destroy: () => {
      observer.disconnect();
      node.removeEventListener("input", fit);
    },
  };
};
