/**
 * User text (a reason, an environment, an error message) made inert for anything change-gate writes to GitHub:
 * it can neither open nor close an HTML comment — so it cannot hide text from people or forge a hidden block — nor
 * carry change-gate's block marker. Rendered Markdown shows the same characters. Every comment, issue body and
 * reply change-gate writes passes its visible text through here; its own hidden block is appended after.
 */
export function inertText(text: string): string {
  return (
    text
      // `<!--` (comments), `<!…>` and `<?…>` (declarations and processing instructions hide text too)
      .replace(/<(?=[!?])/g, "&lt;")
      // `-->` and `--!>` close a comment
      .replace(/--(!?)>/g, "--$1&gt;")
      .replace(/change-gate:(?=[\w-])/gi, (m) => `${m.slice(0, -1)}&#58;`)
  );
}
