// The words the engine uses for its choices, groups and catalogues (calculator.vocabulary,
// calculator/data/vocabulary.toml), as the build wrote them into the page (#vocabulary), so the
// page names things as the engine does. Read once, when first asked for.
let data = null;

// The page's vocabulary, or `given` from now on (tests under Node, which have no page).
export function vocabulary(given) {
  if (given) data = given;
  if (!data) {
    try {
      data = JSON.parse(globalThis.document?.getElementById("vocabulary")?.textContent || "{}");
    } catch {
      data = {};
    }
  }
  return data;
}

// {id: word} of one list of choices: names("title_levels") → {junior: "初级", …}.
export function names(kind, word = "name") {
  return Object.fromEntries((vocabulary()[kind] || []).map((entry) => [entry.id, entry[word]]));
}

// One entry of a list of choices, or {} when the page has none.
export function entry(kind, id) {
  return (vocabulary()[kind] || []).find((e) => String(e.id) === String(id)) || {};
}
