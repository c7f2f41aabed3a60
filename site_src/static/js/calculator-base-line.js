// The 倍数⇄元 line beside a period's base fields: for the start month typed, that contribution
// year's yardstick (社平工资, the engine's yardsticks.toml written into the page by the build,
// #yardstick-years) and what the base typed is in the other unit. Shown only; what counts is
// the engine's reading (calculator/parse.py), which names any problem at the field itself.
// baseLine() has no DOM (tests/js/base-line.test.mjs).

const yuan = (n) => Math.round(n).toLocaleString("en-US");
const tidy = (text) => (text || "").normalize("NFKC").trim().replace(/。/g, ".");

// "2019-07", "201907", "2019年7月", "2019.7" -> [2019, 7], else null.
export function readMonth(text) {
  const match = /^(\d{4})\s*(?:[-./年]\s*)?(\d{1,2})\s*月?$/.exec(tidy(text));
  if (!match) return null;
  const month = Number(match[2]);
  return month >= 1 && month <= 12 ? [Number(match[1]), month] : null;
}

const monthKey = ([year, month]) => year * 12 + month - 1;
const keyOf = (text) => monthKey(text.split("-").map(Number));

// The year a month converts with: its own row, the newest row's figures after the newest
// (estimated, D24), none before the first.
export function yearFor(years, month) {
  const at = monthKey(month);
  const own = years.find((y) => keyOf(y.from) <= at && at <= keyOf(y.to));
  if (own) return { year: own, estimated: false };
  const newest = years[years.length - 1];
  return newest && at > keyOf(newest.to) ? { year: newest, estimated: true } : null;
}

function number(text, unit) {
  const match = new RegExp(`^(\\d+(?:\\.\\d+)?)\\s*(万)?\\s*(?:${unit})?$`).exec(tidy(text));
  if (!match) return null;
  return Number(match[1]) * (match[2] ? 10000 : 1);
}

// The line's words for a start month and the two base fields as typed, or "" when the month is
// not readable yet or has no figures.
export function baseLine(years, fromText, multipleText, cnyText) {
  const month = readMonth(fromText);
  const found = month && yearFor(years, month);
  if (!found) return "";
  const { year, estimated } = found;
  const stick = `${year.from}至${year.to}${estimated ? "（尚未公布，按这一年估算）" : ""}的社平工资 ${yuan(year.average_cny)} 元/月`;
  // 最低/下限, 最高/上限 and percentages, as the engine reads them in either field.
  const typed = `${tidy(multipleText)}${tidy(cnyText)}`;
  if (/^(最低|下限)$/.test(typed)) return `按${stick}：下限为 ${yuan(year.floor_cny)} 元/月。`;
  if (/^(最高|上限)$/.test(typed)) return `按${stick}：上限为 ${yuan(year.ceiling_cny)} 元/月。`;
  const percent = /^(\d+(?:\.\d+)?)\s*%$/.exec(typed);
  const multiple = percent ? Number(percent[1]) / 100 : number(multipleText, "倍");
  const cny = number(cnyText, "元");
  if (multiple !== null && multiple > 0)
    return `按${stick}：${multiple} 倍约为 ${yuan(multiple * year.average_cny)} 元/月。`;
  if (cny !== null && cny > 0) {
    const times = Math.round((cny / year.average_cny) * 100) / 100;
    return `按${stick}：${yuan(cny)} 元约为 ${times} 倍（下限 ${yuan(year.floor_cny)} 元，上限 ${yuan(year.ceiling_cny)} 元）。`;
  }
  return `按${stick}：1 倍为 ${yuan(year.average_cny)} 元/月，下限 ${yuan(year.floor_cny)} 元，上限 ${yuan(year.ceiling_cny)} 元。`;
}

// Keeps every period's line (p.base-line, made here) up to date as the person types.
export class BaseLines {
  constructor(form, years) {
    this.form = form;
    this.years = years;
    form.addEventListener("input", (event) => {
      if (/^insurance\[\d+\]\./.test(event.target.name || "")) this.update();
    });
  }

  update() {
    for (const row of this.form.querySelectorAll('[data-repeat="insurance"] .row')) {
      const get = (key) => row.querySelector(`[name$=".${key}"]`)?.value ?? "";
      let line = row.querySelector(".base-line");
      const text = baseLine(this.years, get("from"), get("base_multiple"), get("base_cny"));
      if (!line) {
        line = document.createElement("p");
        line.className = "hint base-line";
        row.querySelector(".period-grid")?.after(line);
      }
      line.textContent = text;
      line.hidden = !text;
    }
  }
}
