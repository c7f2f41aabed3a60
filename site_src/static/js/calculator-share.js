// Keeping answers: the #profile= share link (base64url of UTF-8 JSON) and the copy saved in
// this browser's localStorage. Nothing here leaves the device.
(() => {
  const parts = (globalThis.ShPoints ??= {});

  const MAX_LINK_CHARS = 20000;
  const STORAGE_KEY = "sh-points:profile";

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

  // The profile named in location.hash: {profile} | {error} | null when there is none.
  function profileFromHash(hash) {
    const match = /^#profile=(.*)$/s.exec(hash || "");
    if (!match) return null;
    let text = match[1];
    try {
      text = decodeURIComponent(text);
    } catch {
      return { error: "分享链接已损坏（编码不正确），可能没有复制完整。" };
    }
    try {
      return { profile: decodeProfile(text.trim()) };
    } catch (error) {
      if (error instanceof LinkError) return { error: error.message };
      throw error;
    }
  }

  function shareURL(profile) {
    const url = new URL(location.href);
    url.hash = "profile=" + encodeProfile(profile);
    return url.href;
  }

  const storage = {
    available() {
      try {
        const probe = STORAGE_KEY + ":probe";
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

  parts.share = { encodeProfile, decodeProfile, profileFromHash, shareURL, storage, MAX_LINK_CHARS };
})();
