"""axe-core (the pinned copy in node_modules) run on a page: the violations of WCAG 2.2 A/AA and
axe's best practices, each with its id, help text and up to five elements. The page's context
needs `bypass_csp`, as axe is injected as a script tag (once: a kept tab may have it already)."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

# within: the part judged (a selector; the whole document when None); set_aside: an element
# hidden while axe runs and shown again after.
RUN = """async ([tags, within, setAside]) => {
  const aside = setAside && document.querySelector(setAside);
  if (aside) aside.style.visibility = 'hidden';
  try {
    const part = within ? document.querySelector(within) : document;
    const found = await axe.run(part, {runOnly: {type: 'tag', values: tags}});
    return found.violations.map((v) => ({id: v.id, help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5)}));
  } finally {
    if (aside) aside.style.visibility = '';
  }
}"""


def violations(page: Page, *, within: str | None = None, set_aside: str | None = None
               ) -> list[dict]:
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    return page.evaluate(RUN, [TAGS, within, set_aside])
