// The 居转户 card's words that need no page (hukou-card.js draws them): the routes in reach
// besides the headline's, what the headline's route lacks, one route in a line, and the line
// beside the plan — all from a result of calculator.hukou (docs/hukou.md).

// "2027-09" -> "2027年9月"
function monthWords(month) {
  const match = /^(\d{4})-(\d{2})$/.exec(month || "");
  return match ? `${match[1]}年${Number(match[2])}月` : "";
}

// The routes worth showing besides the headline's: those that hold (or would, once answered)
// within the horizon, in the engine's order.
export function otherRoutes(result) {
  const shown = result.earliest?.route ?? result.earliest_if_confirmed?.route;
  return result.routes.filter((route) => route.id !== shown && (route.earliest_month || route.if_confirmed_month));
}

// What the route of the headline still lacks in the evaluation month; with no route in reach,
// what the standard route (the first) lacks.
export function missingNow(result) {
  const id = result.earliest?.route ?? result.earliest_if_confirmed?.route ?? result.routes[0]?.id;
  return result.routes.find((route) => route.id === id)?.missing ?? [];
}

// "2029-03-01", "20290301", "2029年3月1日" -> "2029-03-01"; anything else -> null.
function dayOf(text) {
  const match = /^(\d{4})\D?(\d{1,2})\D?(\d{1,2})\D*$/.exec(String(text ?? "").trim());
  if (!match) return null;
  return `${match[1]}-${match[2].padStart(2, "0")}-${match[3].padStart(2, "0")}`;
}

// A route's name inside brackets, as the engine's headline writes it: 临港新片区（5年） as
// 临港新片区，5年.
function flat(name) {
  return name.replace(/（/g, "，").replace(/）/g, "");
}

// The line beside the plan: the earliest month the employer can file, and whether it comes
// before the day the plan must reach the standard score by (`target`, as typed), if given.
export function planLine(result, target) {
  const at = result.earliest ?? result.earliest_if_confirmed;
  if (!at) return `居转户：按现在的情况继续，到${monthWords(result.horizon)}还不能申请。`;
  const condition = result.earliest ? "" : `${at.condition}，`;
  let text = `居转户：${condition}最早${monthWords(at.month)}可由单位申报（${flat(at.name)}）`;
  const day = dayOf(target);
  if (day) text += `，${`${at.month}-01` <= day ? "早于" : "晚于"}你填的日期${day}`;
  return `${text}。`;
}

// One route in reach: its name and its month (with the answer it waits on).
export function routeText(route) {
  if (route.earliest_month) return `${route.name}：最早${monthWords(route.earliest_month)}`;
  return `${route.name}：${route.if_confirmed}，最早${monthWords(route.if_confirmed_month)}`;
}
