// Quick fill for social insurance (#quick): "paid for N years at about M times the average
// wage" becomes one period from N years ago until now, which the person can then edit.
import { resetRows } from "./calculator-rows.js";

// As the engine reads them (calculator/parse.py): full-width digits, "5年", "0.8倍".
function typed(text, unit) {
  return text.normalize("NFKC").trim().replace(/。/g, ".").replace(unit, "").trim();
}

// The period the two answers describe, on `today`: {from: "YYYY-MM", multiple}, or
// {field: "years" | "multiple", message} saying what to type. `ceiling`: the highest multiple
// a base can be (the contribution ceiling's).
export function quickPeriod(yearsText, multipleText, ceiling, today) {
  const years = Number(typed(yearsText, /年$/) || Number.NaN);
  const multiple = Number(typed(multipleText, /倍$/) || Number.NaN);
  if (!Number.isInteger(years) || years < 1 || years > 50) {
    return { field: "years", message: "“已缴纳年数”请填 1 至 50 的整数。" };
  }
  if (!(multiple > 0 && multiple <= ceiling)) {
    return {
      field: "multiple",
      message: `“基数约为社平工资的倍数”请填大于 0、不超过 ${ceiling} 的数（${ceiling} 倍即缴费上限），如 1 或 0.8。`,
    };
  }
  const start = new Date(today.getFullYear(), today.getMonth() - years * 12, 1);
  const from = `${start.getFullYear()}-${String(start.getMonth() + 1).padStart(2, "0")}`;
  return { from, multiple };
}

export class QuickFill {
  // root: #quick; form: the calculator's form; ceiling: the highest multiple;
  // onFill(names): the fields filled, once they are.
  constructor(root, { form, ceiling, onFill }) {
    this.root = root;
    this.form = form;
    this.ceiling = ceiling;
    this.onFill = onFill;
    this.years = root.querySelector('[name="quick.years"]');
    this.multiple = root.querySelector('[name="quick.multiple"]');
    this.status = root.querySelector("#quick-status");
    root.querySelector("#quick-fill").addEventListener("click", () => this.fill());
  }

  fill() {
    const period = quickPeriod(this.years.value, this.multiple.value, this.ceiling, new Date());
    if (period.message) {
      this.status.textContent = period.message;
      (period.field === "years" ? this.years : this.multiple).focus();
      return;
    }
    const { from, multiple } = period;
    resetRows(this.form);
    const names = ["insurance[0].from", "insurance[0].base_multiple"];
    this.form.querySelector(`[name="${names[0]}"]`).value = from;
    this.form.querySelector(`[name="${names[1]}"]`).value = String(multiple);
    this.status.textContent = `已填入：从 ${from} 起一直缴纳到现在，基数为社平工资的 ${multiple} 倍。可在下方修改。`;
    this.onFill(names);
  }

  // 清除我的数据: its own fields and message too.
  clear() {
    this.years.value = this.years.defaultValue;
    this.multiple.value = this.multiple.defaultValue;
    this.status.textContent = "";
  }
}
