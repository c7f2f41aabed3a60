// Instant filter for a catalogue table: Chinese substring match on each row's data-search
// (names, other names, equivalent title). Works without the calculator engine.
const box = document.querySelector("[data-catalogue-filter]");
if (box) {
  const table = document.getElementById(box.dataset.catalogueFilter);
  const input = box.querySelector("input");
  const count = box.querySelector("[data-total]");
  const noMatch = document.querySelector("[data-no-match]");
  const rows = [...table.tBodies[0].rows].map((row) => ({ row, text: normalize(row.dataset.search) }));
  const total = rows.length;

  function normalize(text) {
    // Full-width letters/digits to half-width, lower case, no spaces or brackets.
    return (text || "").normalize("NFKC").toLowerCase().replace(/[\s()（）·・、,，]/g, "");
  }

  function apply() {
    const terms = input.value.normalize("NFKC").split(/[\s,，、]+/).map(normalize).filter(Boolean);
    let shown = 0;
    for (const { row, text } of rows) {
      const match = terms.every((term) => text.includes(term));
      row.hidden = !match;
      if (match) shown += 1;
    }
    count.textContent = terms.length ? `找到 ${shown} 项（共 ${total} 项）` : `共 ${total} 项`;
    noMatch.hidden = shown > 0;
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
