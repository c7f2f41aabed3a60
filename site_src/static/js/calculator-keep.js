// 保存和分享 (section.keep): the share link, the copy saved on this device, printing, and
// 清除我的数据 with its 撤销.
//
// 清除我的数据 clears at once and everywhere (the page's `clear` does the form and the card;
// this the saved copy, the share link and the address's #profile= part). 撤销 brings the
// answers back for UNDO_MS; until then they are held in this page's memory only, then
// dropped. The page's title never carries anyone's answers.
import { prepareShareCodeForPrint } from "./calculator-qr.js";
import { storage } from "./calculator-share.js";

const UNDO_MS = 15000;
const CLEARED = "已清除：表单、结果和本机保存的内容都已删除。";

export class KeepAnswers {
  // root: section.keep. link(): the answers' share link; answers(): the answers as a profile;
  // clear(): empties the form and the card; restore(profile): fills the form again.
  constructor(root, { link, answers, clear, restore }) {
    Object.assign(this, { root, link, answers, clearPage: clear, restore });
    const $ = (selector) => root.querySelector(selector);
    this.status = $("#keep-status");
    this.output = $("#share-output");
    this.clearButton = $("#clear-button");
    this.undoButton = $("#undo-clear");
    this.undo = null; // {profile, saved, timer}
    $("#share-button").addEventListener("click", () => this.share());
    $("#save-button").addEventListener("click", () => this.save());
    // Printing: a one-page summary first (#print-summary), then the details as they are on
    // screen; a closed <details> prints its summary line only (calculator.css, print).
    $("#print-button").addEventListener("click", () => prepareShareCodeForPrint(link).finally(() => window.print()));
    this.clearButton.addEventListener("click", () => this.clear());
    this.undoButton.addEventListener("click", () => this.takeBack());
  }

  async share() {
    const url = this.link();
    this.output.value = url;
    this.output.hidden = false;
    history.replaceState(null, "", url);
    try {
      await navigator.clipboard.writeText(url);
      this.status.textContent = "分享链接已复制。链接里包含你填写的内容，请只发给信任的人。";
    } catch {
      this.output.select();
      this.status.textContent = "请复制下方的链接。链接里包含你填写的内容，请只发给信任的人。";
    }
  }

  save() {
    try {
      storage.save(this.answers());
      this.status.textContent = "已保存在这台设备的浏览器中，下次打开本页会自动填入。";
    } catch {
      this.status.textContent = "无法保存：浏览器禁止了本地存储（可能处于无痕模式）。";
    }
  }

  // The person changed an answer: what was said about the last keep, and the offer to undo a
  // clear, are gone.
  edited() {
    this.status.textContent = "";
    this.dropUndo();
  }

  clear() {
    this.dropUndo();
    this.undo = { profile: this.answers(), saved: storage.load(), timer: 0 };
    storage.clear();
    this.forgetLink();
    this.clearPage();
    this.status.textContent = `${CLEARED}${UNDO_MS / 1000} 秒内可以撤销。`;
    this.undoButton.hidden = false;
    this.armUndo();
  }

  // The share link shown and the address's #profile= part.
  forgetLink() {
    this.output.hidden = true;
    this.output.value = "";
    if (location.hash) history.replaceState(null, "", location.pathname + location.search);
  }

  takeBack() {
    if (!this.undo) return;
    const { profile, saved } = this.undo;
    this.dropUndo();
    if (saved) {
      try {
        storage.save(saved.profile);
      } catch {
        // storage refused: the form still comes back
      }
    }
    this.restore(profile);
    this.status.textContent = saved ? "已撤销：填写的内容和本机保存的副本已恢复。" : "已撤销：填写的内容已恢复。";
  }

  dropUndo() {
    if (!this.undo) return;
    clearTimeout(this.undo.timer);
    this.undo = null;
    if (this.undoButton.contains(document.activeElement)) this.clearButton.focus();
    this.undoButton.hidden = true;
  }

  // The offer ends after UNDO_MS, but not while the person is on the button (WCAG 2.2.1).
  armUndo() {
    clearTimeout(this.undo.timer);
    this.undo.timer = setTimeout(() => {
      if (document.activeElement === this.undoButton || this.undoButton.matches(":hover")) this.armUndo();
      else {
        this.dropUndo();
        this.status.textContent = CLEARED;
      }
    }, UNDO_MS);
  }
}
