// The confirmations only the person can give (三地一致, 与岗位相符, 已注册, 已核验) that are
// still unanswered: the result's `to_confirm` (calculator/engine.py), each question with what
// answering "yes" would give and a button that takes the person to the question in the form.
import { el } from "./calculator-result.js";

// What "yes" means, by the profile key that answers the question.
const YES = {
  study_place_consistent: "符合“三地一致”",
  job_match: "与岗位相符",
  registered: "已注册",
  verified_in_shanghai: "已通过本市核验",
};

// view: {section, list}; findControl(path of the profile sent) -> the question's first radio.
export function renderToConfirm(view, result, findControl) {
  const questions = result.to_confirm;
  view.list.replaceChildren(...questions.map((question) => {
    const key = question.path.split(".").pop();
    const control = findControl(question.path);
    const row = control?.closest(".row")?.dataset.rowLabel;
    const several = control?.closest("[data-repeat]")?.querySelectorAll(".row").length > 1;
    const asked = `${several && row ? `${row}：` : ""}${question.question}？`;
    // Two questions about one line (已注册 and 与岗位相符) each gain nothing alone: say so
    // instead of "本项0分".
    const others = questions.filter((q) => q !== question && q.line === question.line && q.path.split(".")[0] === question.path.split(".")[0]);
    const yes = question.gain === 0 && others.length
      ? `若${YES[key] || "是"}，且${others.map((q) => YES[q.path.split(".").pop()] || "是").join("、")}，本项才可能计分。`
      : `若${YES[key] || "是"}：本项${question.if_yes.line_points}分，总分${question.if_yes.total}分。`;
    const go = el("button", { type: "button", className: "link-button", text: asked });
    go.addEventListener("click", () => {
      const target = findControl(question.path);
      if (!target) return;
      target.closest("details")?.setAttribute("open", "");
      target.scrollIntoView({ block: "center" });
      target.focus();
    });
    return el("li", { "data-path": question.path }, go, el("span", { className: "if-yes", text: yes }));
  }));
  view.section.hidden = !questions.length;
}
