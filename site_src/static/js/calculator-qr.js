// 「用手机扫码打开」: the share link as a QR code, made on the device by uqr (npm, vendored by
// the build as js/qr.js and fetched only when a code is first asked for), on screen and on
// the printed summary. Nothing is sent anywhere: the code is drawn as an SVG path.

let library = null; // the module once loaded, so a print can draw without waiting
let loading = null;

function load() {
  loading ??= import("./qr.js")
    .then((module) => {
      library = module;
      return module;
    })
    .catch((error) => {
      loading = null; // offline before the first use: try again next time
      throw error;
    });
  return loading;
}

const SVG = "http://www.w3.org/2000/svg";

// The code as an SVG of `size` modules (quiet zone included), dark runs as one path, always
// black on white (scanners read dark-on-light, whatever the page's colour scheme).
function codeSVG(text, label) {
  // The smallest version that holds the link at level L, raised to the best level that still
  // fits that version (M or better for the links of a typical profile).
  const qr = library.encode(text, { ecc: "L", boostEcc: true, border: 4 });
  let d = "";
  qr.data.forEach((row, y) => {
    for (let x = 0; x < row.length; x++) {
      if (!row[x]) continue;
      let run = 1;
      while (x + run < row.length && row[x + run]) run++;
      d += `M${x} ${y}h${run}v1h-${run}z`;
      x += run - 1;
    }
  });
  const svg = document.createElementNS(SVG, "svg");
  const set = (node, attrs) => {
    for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
    return node;
  };
  set(svg, {
    viewBox: `0 0 ${qr.size} ${qr.size}`,
    role: "img",
    "aria-label": label,
    "shape-rendering": "crispEdges",
    class: "qr-code",
    "data-version": qr.version,
    "data-modules": qr.size,
    "data-text": text,
  });
  svg.append(
    set(document.createElementNS(SVG, "rect"), { width: qr.size, height: qr.size, fill: "#fff" }),
    set(document.createElementNS(SVG, "path"), { d, fill: "#000" }),
  );
  return svg;
}

// The printed copy (shown in print only): in the print summary's figure slot (#print-figures),
// of the link printed there (#print-share's data-url); on a page without that summary, in the
// 保存和分享 section, of the current link.
function printSlot() {
  return document.getElementById("print-figures") || document.querySelector("#calculator .keep");
}

function drawForPrint(link) {
  const slot = printSlot();
  if (!slot || !library) return;
  const printed = document.getElementById("print-share")?.dataset.url || link();
  slot.querySelector(".print-qr")?.remove();
  if (!printed) return;
  const figure = document.createElement("figure");
  figure.className = "print-qr";
  const caption = document.createElement("figcaption");
  caption.textContent = "用手机扫码，在手机上打开这次计算";
  figure.append(codeSVG(printed, "分享链接的二维码"), caption);
  slot.append(figure);
}

// Loads the library if needed and puts the code on the printed summary (the print button
// waits for this; a print from the browser's menu gets it when the library is already here).
export async function prepareShareCodeForPrint(link) {
  try {
    await load();
  } catch {
    return; // offline and never loaded: the summary keeps the link as text
  }
  drawForPrint(link);
}

// `link()`: the share link of the answers as they are now (calculator-share.js shareURL).
export function wireShareCode(root, link) {
  const button = root.querySelector("#qr-button");
  const panel = root.querySelector("#qr-panel");
  const box = root.querySelector("#qr-code");
  const status = root.querySelector("#qr-status");
  if (!button || !panel) return;
  let timer = 0;

  async function draw() {
    if (!library) status.textContent = "正在生成二维码……";
    try {
      await load();
    } catch {
      box.replaceChildren();
      status.textContent = "二维码工具没有加载成功（可能已断网）。联网后再点一次，或用“复制分享链接”。";
      return;
    }
    if (panel.hidden) return; // closed meanwhile
    const text = link();
    if (box.firstElementChild?.getAttribute("data-text") !== text) {
      box.replaceChildren(codeSVG(text, "分享链接的二维码：用手机相机扫描后打开"));
    }
    status.textContent =
      "用手机相机或微信“扫一扫”扫描，在手机上打开这份填写内容。二维码里包含你填写的内容，请只给信任的人扫。";
  }

  button.addEventListener("click", () => {
    const open = panel.hidden;
    panel.hidden = !open;
    button.setAttribute("aria-expanded", String(open));
    if (open) draw();
    else box.replaceChildren();
  });
  const close = () => {
    clearTimeout(timer);
    panel.hidden = true;
    box.replaceChildren();
    button.setAttribute("aria-expanded", "false");
  };
  root.querySelector("#qr-close")?.addEventListener("click", () => {
    close();
    button.focus();
  });
  // 清除我的数据: no code of the answers stays on the page, on screen or for print.
  root.querySelector("#clear-button")?.addEventListener("click", () => {
    close();
    for (const code of document.querySelectorAll(".print-qr")) code.remove();
  });
  // While the code is shown, it follows the answers.
  const follow = (event) => {
    if (panel.hidden || panel.contains(event.target) || event.target === button) return;
    clearTimeout(timer);
    timer = setTimeout(draw, 300);
  };
  for (const type of ["input", "change", "click"]) root.addEventListener(type, follow);
  window.addEventListener("hashchange", follow);
  window.addEventListener("beforeprint", () => drawForPrint(link));
}
