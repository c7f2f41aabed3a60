// The batch's table as data: which rows a filter shows, the order a column sorts them in, and
// the link that opens one person in the calculator. No DOM here, so it is tested under Node.

// 达标 / 未达标 / 有问题: a row with problems has no total, so it is neither of the others.
export function matches(result, filter) {
  const problem = (result.problems || []).length > 0;
  if (filter === "problem") return problem;
  if (filter === "pass") return !problem && result.passes === true;
  if (filter === "fail") return !problem && result.passes === false;
  return true;
}

// What a column sorts by; a row without it (a problem row's total, no 居转户 month) goes last
// whichever the direction, so the rows that have it stay together at the top.
function sortValue(result, key) {
  const value = result[key];
  if (key === "to_confirm" || key === "problems") return (value || []).length || null;
  if (key === "passes") return value === null || value === undefined ? null : Number(value);
  return value === undefined || value === "" ? null : value;
}

const collator = new Intl.Collator("zh-CN");

export function sorted(results, key, direction) {
  const sign = direction === "descending" ? -1 : 1;
  return results
    .map((result, index) => ({ result, index }))
    .sort((a, b) => {
      const x = sortValue(a.result, key);
      const y = sortValue(b.result, key);
      if (x === null || y === null) return (x === null) - (y === null) || a.index - b.index;
      const order = typeof x === "number" && typeof y === "number" ? x - y : collator.compare(String(x), String(y));
      return sign * order || a.index - b.index;
    })
    .map(({ result }) => result);
}

// The calculator's share link (calculator-share.js): #profile= and the profile as base64url
// of its UTF-8 JSON. The profile is the engine's as the row was read (no name: the format
// has no key for it).
export function calculatorLink(profile, base = "/calculator/") {
  const bytes = new TextEncoder().encode(JSON.stringify(profile));
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  const encoded = btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  return `${base}#profile=${encoded}`;
}

// The 达标 cell's words.
export function passWords(result) {
  if ((result.problems || []).length) return "—";
  if (result.passes === true) return "达标";
  if (result.passes === false) return "未达标";
  return "—";
}
