// What the page says about where the answers in the form came from: a share link, a
// certificate chosen in a catalogue, or a copy saved on this device. No DOM
// (tests/js/notices.test.mjs).

// Written out by hand: the first toLocale*String("zh-CN") call loads the browser's locale
// data, a 20–30 ms pause on the main thread while the engine starts.
export function chineseDate(date, { time = false } = {}) {
  const two = (n) => String(n).padStart(2, "0");
  const day = `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日`;
  return time ? `${day} ${two(date.getHours())}:${two(date.getMinutes())}` : day;
}

// "（注册会计师）": the certificate a catalogue link names, as the notice shows it.
function catalogueName(profile) {
  const credential = Array.isArray(profile.credentials) ? profile.credentials[0] : null;
  const name = credential && (credential.name || credential.occupation);
  return typeof name === "string" && name.trim() ? `（${name.trim().slice(0, 60)}）` : "";
}

// A link's answers are in the form: a catalogue entry's 用此证书计算, or someone's share link.
export function linkNotice(profile, fromCatalogue) {
  return fromCatalogue
    ? `已按你在证书目录中选的证书${catalogueName(profile)}填好，请补充出生日期等信息。`
    : "已按分享链接填入内容。请核对后再看结果。";
}

// A link held `count` keys this calculator does not know (they are counted, never named).
export function unknownKeysMessage(count) {
  return `链接中有 ${count} 项内容本计算器不认识（可能来自其他网站或更新的版本），已忽略；其余内容已填入，请核对。`;
}

// The copy saved on this device is in the form (`saved`: calculator-share.js storage.load()).
export function savedNotice(saved) {
  const savedAt = saved.saved_at ? new Date(saved.saved_at) : null;
  const when = savedAt && !Number.isNaN(savedAt.getTime()) ? chineseDate(savedAt, { time: true }) : "";
  return `已填入你在这台设备上保存的内容${when ? `（保存于 ${when}）` : ""}。不需要时可点“清除我的数据”。`;
}

// This tab's answers are back in the form (the person left the page and returned).
export function sessionNotice() {
  return "已恢复你在这个标签页里填写的内容（只保存在这个标签页，关闭后即删除）。不需要时可点“清除我的数据”。";
}
