// 「孩子参加中考（某年）」 beside the plan's deadline field (#plan-purpose): choosing a year fills
// the day calculator.schooling.zhongkao_deadline suggests for it (the page's #zhongkao-deadlines,
// written by the build) into the deadline field, which the person can still change, and says
// where the day comes from with a link to the schooling page.
import { el } from "./dom.js";

export class DeadlinePick {
  // root: the calculator; deadlines: [{exam_year, recommended, latest, words}].
  constructor(root, deadlines) {
    this.select = root.querySelector("#plan-purpose");
    this.note = root.querySelector("#plan-purpose-note");
    this.target = root.querySelector("#plan-target");
    this.deadlines = new Map(deadlines.map((d) => [String(d.exam_year), d]));
    this.select.addEventListener("change", () => this.pick());
  }

  pick() {
    const chosen = this.deadlines.get(this.select.value);
    this.note.hidden = !chosen;
    if (!chosen) {
      this.note.replaceChildren();
      return;
    }
    // A suggested day already past: the latest day instead.
    const now = new Date();
    const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
    const late = chosen.recommended < today;
    const day = late ? chosen.latest : chosen.recommended;
    this.note.replaceChildren(
      `${chosen.words}已填入${late ? "建议日期已过，按最迟日期" : "建议日期"} ${day}，可以改。`,
      el("a", { href: "/schooling/#zhongkao-when", text: "中考对父母积分的要求和时间" }),
    );
    this.target.value = day;
    this.target.dispatchEvent(new Event("change", { bubbles: true }));
  }

  // 清除我的数据: the choice and its note go (the deadline field is the plan's to clear).
  clear() {
    this.select.value = "";
    this.note.hidden = true;
    this.note.replaceChildren();
  }
}
