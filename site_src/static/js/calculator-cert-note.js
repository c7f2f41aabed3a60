// What a skill certificate of a level that needs the base test (二级, 一级) gives at the
// person's own base, under its level (p.cert-note in the certificate's row): when the result's
// credential line gives less than the level can, the engine's explanation, what the level gives
// once the base test is met, and, when a lower level without the test would score more now,
// the suggestion to enter that certificate too with the total the engine gives for both.
// certNote() has no DOM.

// The words under the level. line: the result's credential line; level: the level chosen;
// points: {level: points}; lower: {level, name, total} (the engine's total with a lower
// certificate added) or null; baseTest: the test in words.
export function certNote({ line, level, name, points, lower, baseTest }) {
  const full = points[level];
  // raw_points: what the certificate gives before education is weighed against it (D5).
  if (!line || (line.raw_points ?? line.points) >= full) return "";
  const parts = [line.explanation, `${name}须${baseTest}，满足后本项可计 ${full} 分。`];
  if (lower) {
    parts.push(
      `如果你也有${lower.name}证书，请用“再添加一个证书”一起填上：它不需要这一条，两张都填时只计分高的一张，现在总分可到 ${lower.total} 分。`,
    );
  }
  return parts.join("");
}

// A 「不确定」 answer: what it was scored as and what the other answer gives.
function unsureNote({ sent, total, compared, otherTotal }) {
  return `不确定时按“${sent}”计算，总分 ${total} 分；若是“${compared}”，总分 ${otherTotal} 分。`;
}

export class CertificateNotes {
  // form: the calculator's form; data: #catalogue-data's points; baseTest: the base test in
  // words; score(profile, lane) -> Promise of a score reply (the engine; lanes of their own, a
  // newer request in a lane replacing one not yet sent).
  constructor(form, { points, levels, baseTest, score }) {
    Object.assign(this, { form, points, levels, baseTest, score });
    this.asked = 0;
  }

  clear() {
    this.removeNotes();
    for (const row of this.form.querySelectorAll("[data-level-worth]")) delete row.dataset.levelWorth;
  }

  removeNotes() {
    for (const note of this.form.querySelectorAll(".cert-note")) note.remove();
  }

  row(rows, i) {
    return this.form.querySelectorAll('[data-repeat="credentials"] .row')[rows.credentials?.[i] ?? i];
  }

  // What a skill level that needs the base test gives at the person's own base, the other
  // conditions met: the engine scores the certificate alone, and the row's data-level-worth
  // ({level, points}) tells the picker's card (calculator-picker-card.js levelWorth).
  levelWorth(profile, rows, i, asked) {
    const credential = profile.credentials[i];
    const level = Number(credential.level);
    const row = this.row(rows, i);
    if (!row || credential.type !== "skill" || !this.levels.includes(level)) return;
    const alone = {
      type: "skill",
      level,
      occupation: credential.occupation,
      job_match: true,
      obtained_in_shanghai: true,
    };
    this.score({ ...profile, credentials: [alone] }, `worth-${i}`).then((reply) => {
      if (asked !== this.asked || !reply?.ok) return;
      const line = reply.result.lines.find((l) => l.id === "credential");
      row.dataset.levelWorth = JSON.stringify({ level, points: line ? (line.raw_points ?? line.points) : 0 });
      row.dispatchEvent(new CustomEvent("level-worth"));
    });
  }

  // Credential i's selects answered 「不确定」 (data-unsure): the engine scores the other answer
  // too, and the note under the select gives both totals.
  unsure(profile, rows, result, i, asked) {
    const row = this.row(rows, i);
    for (const select of row?.querySelectorAll("select[data-unsure]") || []) {
      if (select.value !== "unsure" || select.closest("[hidden]")) continue;
      const key = select.name.slice(select.name.lastIndexOf(".") + 1);
      const other = select.dataset.unsureCompare;
      const text = (value) => [...select.options].find((o) => o.value === value)?.textContent || value;
      const credentials = profile.credentials.map((c, j) => (j === i ? { ...c, [key]: other } : c));
      const note = document.createElement("p");
      note.className = "hint cert-note";
      select.closest(".field").after(note);
      this.score({ ...profile, credentials }, `unsure-${i}-${key}`).then((reply) => {
        if (asked !== this.asked || !reply?.ok) return;
        note.textContent = unsureNote({
          sent: text(select.dataset.unsure),
          total: result.total,
          compared: text(other),
          otherTotal: reply.result.total,
        });
      });
    }
  }

  // profile and rows: what was scored (calculator-form.js readProfile); result: its result.
  update(profile, rows, result) {
    const asked = ++this.asked;
    this.removeNotes();
    const line = result.lines.find((l) => l.id === "credential");
    const credentials = profile.credentials || [];
    credentials.forEach((credential, i) => {
      this.unsure(profile, rows, result, i, asked);
      this.levelWorth(profile, rows, i, asked);
      const level = Number(credential.level);
      if (credential.type !== "skill" || !this.levels.includes(level)) return;
      if (!line || (line.raw_points ?? line.points) >= this.points[level]) return;
      const row = this.row(rows, i);
      const select = row?.querySelector('select[name$=".level"]');
      if (!select) return;
      const nameOf = (n) => [...select.options].find((o) => o.value === String(n))?.textContent || "";
      // The next lower level without the test (levels run from 一级, the highest, to 五级).
      const lower = Object.keys(this.points)
        .map(Number)
        .filter((n) => n > level && !this.levels.includes(n));
      const below = lower.length ? Math.min(...lower) : null;
      const note = document.createElement("p");
      note.className = "hint cert-note";
      const show = (lower) => {
        note.textContent = certNote({
          line,
          level,
          name: nameOf(level),
          points: this.points,
          lower,
          baseTest: this.baseTest,
        });
      };
      show(null);
      select.closest(".field").after(note);
      if (below === null) return;
      const both = { ...profile, credentials: [...credentials, { ...credential, level: below }] };
      this.score(both, `lower-${i}`).then((reply) => {
        if (asked !== this.asked || !reply?.ok || reply.result.total <= result.total) return;
        show({ level: below, name: nameOf(below), total: reply.result.total });
      });
    });
  }
}
