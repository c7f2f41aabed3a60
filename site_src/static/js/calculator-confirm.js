// The confirmations only the person can give (三地一致, 与岗位相符, 已注册, 已核验) that are
// still unanswered: the result's `to_confirm` (calculator/engine.py), each question with what
// answering "yes" would give and a button that takes the person to the question in the form.
import { el, goToField } from "./dom.js";

const lastKey = (path) => path.slice(path.lastIndexOf("."));

// view: {section, list}; findControl(path of the profile sent) -> the question's first radio.
export function renderToConfirm(view, result, findControl) {
  const questions = result.to_confirm;
  view.list.replaceChildren(
    ...questions.map((question) => {
      const control = findControl(question.path);
      const row = control?.closest(".row")?.dataset.rowLabel;
      const several = control?.closest("[data-repeat]")?.querySelectorAll(".row").length > 1;
      // A question asked at another field (已核验, while 在上海工作期间取得 is unanswered) is
      // asked in that field's words.
      const elsewhere = control && lastKey(control.name) !== lastKey(question.path);
      const words = elsewhere ? control.closest(".ask")?.querySelector("legend")?.textContent : null;
      const asked = `${several && row ? `${row}：` : ""}${words || `${question.question}？`}`;
      // The engine answers a certificate's open questions together and says so in `condition`
      // ("若已注册，且与所聘岗位相符"): one of them alone may give nothing.
      const { condition, line_points: points, total } = question.if_yes;
      const yes = `${condition}：本项${points}分，总分${total}分。`;
      const go = el("button", { type: "button", className: "link-button", text: asked });
      go.addEventListener("click", () => {
        const target = findControl(question.path);
        if (target) goToField(target);
      });
      return el("li", { "data-path": question.path }, go, el("span", { className: "if-yes", text: yes }));
    }),
  );
  view.section.hidden = !questions.length;
}
