// Keeping answers: the #profile= share link (base64url of UTF-8 JSON) and the copy saved in
// this browser's localStorage. Nothing here leaves the device.

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
export function currentFields(profile) {
  const { version, ...fields } = profile;
  if (version !== undefined && version !== null && version !== 1) return fields;
  if (fields.education && typeof fields.education === "object") {
    fields.education = withAssumed(fields.education, FORMAT.confirmations.education);
  }
  if (Array.isArray(fields.credentials)) {
    fields.credentials = fields.credentials.map((c) => withAssumed(c, FORMAT.confirmations[c?.type] || []));
  }
  return fields;
}

// The profile named in location.hash: {profile, from} | {error} | null when there is none.
// `from` names the page a link came from ("catalogue": a catalogue entry's 用此证书计算,
// `#profile=…&from=catalogue`); a share link has none.
export function profileFromHash(hash) {
  const match = /^#profile=(.*?)(?:&from=([a-z-]+))?$/s.exec(hash || "");
  if (!match) return null;
  const from = match[2] || null;
  let text = match[1];
  try {
    text = decodeURIComponent(text);
  } catch {
    return { error: "分享链接已损坏（编码不正确），可能没有复制完整。" };
  }
  try {
    return { profile: decodeProfile(text.trim()), from };
  } catch (error) {
    if (error instanceof LinkError) return { error: error.message };
    throw error;
  }
}

export function shareURL(profile) {
  const url = new URL(location.href);
  url.hash = `profile=${encodeProfile(profile)}`;
  return url.href;
}

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
  save(profile) {
    const record = { saved_at: new Date().toISOString(), profile };
    localStorage.setItem(STORAGE_KEY, JSON.stringify(record));
    return record;
  },
  load() {
    try {
      const record = JSON.parse(localStorage.getItem(STORAGE_KEY) || "null");
      if (record && typeof record.profile === "object" && record.profile !== null) return record;
    } catch {
      // An unreadable saved copy is treated as none.
    }
    return null;
  },
  clear() {
    try {
      localStorage.removeItem(STORAGE_KEY);
    } catch {
      // Nothing stored, nothing to clear.
    }
  },
};
