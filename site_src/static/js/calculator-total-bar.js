// The pinned total bar on phones (#total-bar): it mirrors the result card (calculator-result.js)
// and links to the result, or to the list of errors.
import { el } from "./dom.js";

// The card's states that show a result (the total is a number).
export const RESULT_STATES = new Set(["vetoed", "not-eligible", "short", "passes"]);

export class TotalBar {
  constructor(root) {
    this.root = root;
  }

  // The bar for the card's state: the total and what it means, or the number of errors.
  render(state, { total = null, text = "", errors = 0 } = {}) {
    const bar = this.root;
    bar.dataset.state = state;
    const parts = [];
    if (state === "error") {
      bar.href = "#error-summary";
      parts.push(
        el("span", { text: `有 ${errors} 处需要修改` }),
        el("span", { className: "total-bar-more", text: " · 去修改" }),
      );
    } else {
      bar.href = "#result-title";
      if (total !== null) parts.push(el("strong", { id: "total-bar-value", text: String(total) }), " 分");
      if (text) parts.push(el("span", { id: "total-bar-state", text: ` · ${text}` }));
      parts.push(el("span", { className: "total-bar-more", text: " · 查看明细" }));
    }
    bar.replaceChildren(...parts);
    bar.hidden = !(RESULT_STATES.has(state) || state === "stale" || state === "error");
  }

  // ---- the bar never hides the focused control (WCAG 2.4.11) -------------------------------
  // The bar's real height goes into --total-bar-height on <html> (calculator.css turns it into
  // scroll-padding-bottom, so Tab, the phone keyboard's "next" and scrollIntoView stop above
  // it); after each focus move, a control still under the bar is scrolled clear of it.
  keepFocusClear() {
    const bar = this.root;
    const html = document.documentElement;
    const pinned = () => !bar.hidden && getComputedStyle(bar).position === "sticky" && bar.offsetHeight > 0;
    const measure = () => {
      html.style.setProperty(
        "--total-bar-height",
        pinned() ? `${Math.ceil(bar.getBoundingClientRect().height)}px` : "0px",
      );
    };
    if (typeof ResizeObserver === "function") new ResizeObserver(measure).observe(bar);
    measure();
    const clear = (target) => {
      if (!target || target === bar || bar.contains(target) || !pinned() || !target.isConnected) return;
      const box = target.getBoundingClientRect();
      const cover = bar.getBoundingClientRect();
      // A box taller than the room above the bar cannot be cleared: pressing on a label or on
      // text focuses the nearest focusable ancestor (<main tabindex="-1">, the skip link's
      // target), and scrolling past it would move the page under the finger.
      if (box.height >= cover.top) return;
      const overlaps =
        box.bottom > cover.top && box.top < cover.bottom && box.right > cover.left && box.left < cover.right;
      if (overlaps) window.scrollBy({ top: box.bottom - cover.top + 8, behavior: "instant" });
    };
    // The browser scrolls a newly focused control into view after the focus events: check once
    // that has happened.
    document.addEventListener("focusin", (event) => requestAnimationFrame(() => clear(event.target)));
  }
}
