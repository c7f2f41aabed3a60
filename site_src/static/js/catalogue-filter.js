// Instant filter for a catalogue table: Chinese substring match on each row's data-search
// (names, other names, everyday names, equivalent title). The list of common certificates
// that are not in the catalogue ([data-not-counted]) is filtered the same way, so typing
// 电工证 shows why it does not count. Works without the calculator engine.
const box = document.querySelector("[data-catalogue-filter]");
if (box) {
  const table = document.getElementById(box.dataset.catalogueFilter);
  const input = box.querySelector("input");
  const count = box.querySelector("[data-total]");
  const noMatch = document.querySelector("[data-no-match]");
  const elsewhere = document.querySelector("[data-not-counted-match]");
  const section = document.querySelector("[data-not-counted]");
  const rows = [...table.tBodies[0].rows].map((row) => ({ row, text: normalize(row.dataset.search) }));
  const others = [...(section?.querySelectorAll("[data-search]") || [])].map((row) => ({
    row,
    text: normalize(row.dataset.search),
  }));
  const total = rows.length;

  function normalize(text) {
    // Full-width letters/digits to half-width, lower case, no spaces or brackets.
    return (text || "").normalize("NFKC").toLowerCase().replace(/[\s()（）·・、,，]/g, "");
  }

  function filter(list, terms) {
    let shown = 0;
    for (const { row, text } of list) {
      const match = terms.every((term) => text.includes(term));
      row.hidden = !match;
      if (match) shown += 1;
    }
    return shown;
  }

  function apply() {
    const terms = input.value.normalize("NFKC").split(/[\s,，、]+/).map(normalize).filter(Boolean);
    const shown = filter(rows, terms);
    const shownOthers = filter(others, terms);
    count.textContent = terms.length ? `找到 ${shown} 项（共 ${total} 项）` : `共 ${total} 项`;
    noMatch.hidden = shown > 0 || shownOthers > 0;
    if (elsewhere) elsewhere.hidden = shown > 0 || shownOthers === 0;
    if (section) section.hidden = terms.length > 0 && shownOthers === 0;
    for (const group of section?.querySelectorAll("[data-group]") || []) {
      group.hidden = ![...group.querySelectorAll("[data-search]")].some((row) => !row.hidden);
    }
  }

  let timer;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(apply, 60);
  });
  box.hidden = false;
  const initial = new URLSearchParams(location.search).get("q");
  if (initial) {
    input.value = initial;
    apply();
  }
}
