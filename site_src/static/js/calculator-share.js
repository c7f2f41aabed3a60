// Keeping answers: the #profile= share link (base64url of UTF-8 JSON) and the copy saved in
// this browser's localStorage. Nothing here leaves the device.
//
// The answers are {profile, unsure}: the profile the engine scores, and the paths of the
// profile's values that the person answered 「不确定」 (a select's data-unsure: the profile holds
// the value scored, "C" for an overseas category). A link carries them as &unsure=path,path;
// a saved copy as its `unsure`. A link or copy without them holds no 「不确定」 answer.

const MAX_LINK_CHARS = 20000;
const STORAGE_KEY = "sh-points:profile";
// The profile format (docs/profile.md, "version"), as the engine states it
// (calculator.profile.format_facts, written into the page by the build, since a link is read
// before the engine has loaded): the version this page writes, the ones it reads, the
// messages for the others, and the answers version 1 assumed. Links and saved copies made
// before the key existed have none and are version 1.
const FORMAT = JSON.parse(document.getElementById("profile-format").textContent);
export const PROFILE_VERSION = FORMAT.version;

class LinkError extends Error {}

function encodeProfile(profile) {
  const bytes = new TextEncoder().encode(JSON.stringify(profile));
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

// Returns the profile object, or throws LinkError with a message for the page.
function decodeProfile(text) {
  if (text.length > MAX_LINK_CHARS) {
    throw new LinkError(`分享链接过长（超过 ${MAX_LINK_CHARS} 个字符），无法读取。`);
  }
  let base64 = text.replace(/-/g, "+").replace(/_/g, "/").replace(/=+$/, "");
  if (!/^[A-Za-z0-9+/]*$/.test(base64) || base64.length % 4 === 1) {
    throw new LinkError("分享链接已损坏（编码不正确），可能没有复制完整。");
  }
  base64 += "=".repeat((4 - (base64.length % 4)) % 4);
  let json;
  try {
    const binary = atob(base64);
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    json = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new LinkError("分享链接已损坏（内容不是有效的文字），可能没有复制完整。");
  }
  let value;
  try {
    value = JSON.parse(json);
  } catch {
    throw new LinkError("分享链接已损坏（内容不完整），可能没有复制完整。");
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new LinkError("分享链接里没有可读取的填写内容。");
  }
  return value;
}

// Why a profile of another format cannot be filled in (the engine says the same), or null.
export function versionProblem(profile) {
  const version = profile.version;
  if (version === undefined || version === null) return null;
  if (Number.isInteger(version) && FORMAT.versions.includes(version)) return null;
  if (Number.isInteger(version) && version > PROFILE_VERSION) return FORMAT.newer.replace("{version}", String(version));
  const shown = (typeof version === "string" ? version : JSON.stringify(version)).slice(0, 20);
  return FORMAT.unreadable.replace("{shown}", shown);
}

function withAssumed(item, keys) {
  if (!item || typeof item !== "object" || Array.isArray(item)) return item;
  const out = { ...item };
  for (const key of keys) if (out[key] === undefined || out[key] === null) out[key] = FORMAT.assumed_v1[key];
  return out;
}

// The fields of a profile of a known version, as the form of this version holds them. A
// version-1 profile (no version) gets the answers version 1 assumed written out, as the engine's
// calculator.profile.in_current_version does, so the form shows them (是/否) and scores as before.
// asked: false for a catalogue entry's link, whose questions wait for the person.
export function currentFields(profile, { asked = true } = {}) {
  const { version, ...fields } = profile;
  // A skill certificate saved or linked without 在上海工作期间取得 was scored by the engine as
  // obtained in Shanghai (its default); the form, which asks, shows that answer.
  if (asked && Array.isArray(fields.credentials)) {
    fields.credentials = fields.credentials.map((c) =>
      c && typeof c === "object" && c.type === "skill" && c.obtained_in_shanghai === undefined
        ? { ...c, obtained_in_shanghai: true }
        : c,
    );
  }
  if (version !== undefined && version !== null && version !== 1) return fields;
  if (fields.education && typeof fields.education === "object") {
    fields.education = withAssumed(fields.education, FORMAT.confirmations.education);
  }
  if (Array.isArray(fields.credentials)) {
    fields.credentials = fields.credentials.map((c) => withAssumed(c, FORMAT.confirmations[c?.type] || []));
  }
  return fields;
}

const MAX_UNSURE = 20;
// The 「不确定」 paths of a link or a saved copy, as a list of profile paths ("credentials[0].category").
export function unsurePaths(value) {
  const list = typeof value === "string" ? value.split(",") : Array.isArray(value) ? value : [];
  return list
    .filter((path) => typeof path === "string" && /^[a-z_]+(\[\d+\])?(\.[a-z_]+)+$/.test(path))
    .slice(0, MAX_UNSURE);
}

// The answers named in location.hash: {profile, unsure, from} | {error} | null when there are
// none. `from` names the page a link came from ("catalogue": a catalogue entry's 用此证书计算,
// `#profile=…&from=catalogue`); a share link has none.
export function profileFromHash(hash) {
  const match = /^#profile=([^&]*)((?:&[^&]*)*)$/s.exec(hash || "");
  if (!match) return null;
  const params = new URLSearchParams(match[2]);
  const from = /^[a-z-]+$/.test(params.get("from") || "") ? params.get("from") : null;
  let text = match[1];
  try {
    text = decodeURIComponent(text);
  } catch {
    return { error: "分享链接已损坏（编码不正确），可能没有复制完整。" };
  }
  try {
    return { profile: decodeProfile(text.trim()), unsure: unsurePaths(params.get("unsure") || ""), from };
  } catch (error) {
    if (error instanceof LinkError) return { error: error.message };
    throw error;
  }
}

export function shareURL({ profile, unsure = [] }) {
  const url = new URL(location.href);
  url.hash = `profile=${encodeProfile(profile)}${unsure.length ? `&unsure=${encodeURIComponent(unsure.join(","))}` : ""}`;
  return url.href;
}

// The copy saved last (filled in on the next visit), with the name given to it if any; and
// every copy saved under a name (several people), in PEOPLE_KEY, written only when a name is
// given. Nothing here leaves the device.
const PEOPLE_KEY = "sh-points:people";
const MAX_NAME = 40;

export const tidyName = (name) => (typeof name === "string" ? name.trim().slice(0, MAX_NAME) : "");

// area: "localStorage" or "sessionStorage" (reading either may throw where storage is refused).
function readJSON(area, key) {
  try {
    return JSON.parse(window[area].getItem(key) || "null");
  } catch {
    return null; // unreadable or refused: treated as none
  }
}

const isRecord = (record) => record && typeof record.profile === "object" && record.profile !== null;

export const storage = {
  available() {
    try {
      const probe = `${STORAGE_KEY}:probe`;
      localStorage.setItem(probe, "1");
      localStorage.removeItem(probe);
      return true;
    } catch {
      return false;
    }
  },
  // name: optional; a named copy also joins (or replaces the same name in) the list of people.
  save({ profile, unsure = [] }, name = "") {
    const record = { saved_at: new Date().toISOString(), profile };
    if (unsure.length) record.unsure = unsure;
    const named = tidyName(name);
    if (named) record.name = named;
    localStorage.setItem(STORAGE_KEY, JSON.stringify(record));
    if (named) {
      const others = this.people().filter((r) => r.name !== named);
      localStorage.setItem(PEOPLE_KEY, JSON.stringify([...others, record]));
    }
    return record;
  },
  load() {
    const record = readJSON("localStorage", STORAGE_KEY);
    return isRecord(record) ? record : null;
  },
  // The copies saved under a name, oldest first.
  people() {
    const list = readJSON("localStorage", PEOPLE_KEY);
    return Array.isArray(list) ? list.filter((r) => isRecord(r) && tidyName(r.name)) : [];
  },
  person(name) {
    return this.people().find((r) => r.name === tidyName(name)) || null;
  },
  remove(name) {
    const rest = this.people().filter((r) => r.name !== tidyName(name));
    try {
      if (rest.length) localStorage.setItem(PEOPLE_KEY, JSON.stringify(rest));
      else localStorage.removeItem(PEOPLE_KEY);
      if (this.load()?.name === tidyName(name)) localStorage.removeItem(STORAGE_KEY);
    } catch {
      // storage refused: nothing was kept
    }
  },
  // Everything saved: {last, people}, for 撤销 after clear().
  all() {
    return { last: this.load(), people: this.people() };
  },
  restoreAll({ last, people }) {
    if (people.length) localStorage.setItem(PEOPLE_KEY, JSON.stringify(people));
    if (last) localStorage.setItem(STORAGE_KEY, JSON.stringify(last));
  },
  clear() {
    try {
      localStorage.removeItem(STORAGE_KEY);
      localStorage.removeItem(PEOPLE_KEY);
    } catch {
      // Nothing stored, nothing to clear.
    }
  },
};

// The form's answers in this tab (sessionStorage): they come back when the person leaves the
// page and returns in the same tab, and go when the tab is closed or 清除我的数据 is pressed.
const SESSION_KEY = "sh-points:session";

export const session = {
  save({ profile, unsure = [] }, name) {
    try {
      sessionStorage.setItem(SESSION_KEY, JSON.stringify({ profile, unsure, name: tidyName(name) }));
    } catch {
      // storage refused: the answers stay on the page only
    }
  },
  load() {
    const record = readJSON("sessionStorage", SESSION_KEY);
    return isRecord(record) ? record : null;
  },
  clear() {
    try {
      sessionStorage.removeItem(SESSION_KEY);
    } catch {
      // Nothing stored, nothing to clear.
    }
  },
};
