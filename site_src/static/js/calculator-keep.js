// 保存和分享 (section.keep): the share link, the copy saved on this device, printing, and
// 清除我的数据 with its 撤销.
//
// 清除我的数据 clears at once and everywhere (the page's `clear` does the form and the card;
// this the saved copy, the share link and the address's #profile= part). 撤销 brings the
// answers back for UNDO_MS; until then they are held in this page's memory only, then
// dropped. The page's title never carries anyone's answers.
//
// Several people: a copy saved under a name joins the list (#saved-people) and is never
// replaced without asking (#save-confirm), unless it is the copy this page filled in or saved.
// The name stays on this device and on the printout, never in a share link.

import { chineseDate } from "./calculator-notices.js";
import { prepareShareCodeForPrint } from "./calculator-qr.js";
import { session, storage, tidyName } from "./calculator-share.js";
import { el } from "./dom.js";

const UNDO_MS = 15000;

// A saved copy holds the same answers as the form ({profile, unsure}).
const sameAnswers = (a, b) =>
  JSON.stringify([a.profile, a.unsure || []]) === JSON.stringify([b.profile, b.unsure || []]);
const CLEARED = "已清除：表单、结果和本机保存的内容都已删除。";

export class KeepAnswers {
  // root: section.keep. link(): the answers' share link; answers(): the answers as a link or a
  // saved copy holds them ({profile, unsure}, calculator-share.js); clear(): empties the form
  // and the card; restore(answers): fills the form again; named(): the name typed changed.
  constructor(root, { link, answers, clear, restore, named }) {
    Object.assign(this, { root, link, answers, clearPage: clear, restore });
    const $ = (selector) => root.querySelector(selector);
    this.nameInput = $("#person-name");
    this.printName = document.getElementById("print-name");
    this.confirmBox = $("#save-confirm");
    this.confirmText = $("#save-confirm-text");
    this.peopleSection = $("#saved-people");
    this.peopleList = $("#saved-people-list");
    this.current = null; // the name ("" for none) of the saved copy this page holds
    this.nameInput.addEventListener("input", () => {
      this.showName();
      named();
    });
    $("#save-replace").addEventListener("click", () => this.store());
    $("#save-cancel").addEventListener("click", () => {
      this.confirmBox.hidden = true;
      this.status.textContent = "没有替换，原来保存的内容还在。可以换一个名字再保存。";
      this.nameInput.focus();
    });
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

  get name() {
    return tidyName(this.nameInput.value);
  }

  // The name typed, or none; `current`: the name of the saved copy now in the form.
  setName(name, current = null) {
    this.nameInput.value = tidyName(name);
    this.current = current;
    this.showName();
  }

  showName() {
    this.printName.textContent = this.name ? `姓名或称呼：${this.name}` : "";
    this.printName.hidden = !this.name;
  }

  // A copy of other answers already saved under this name (or unnamed) is replaced only when
  // the person says so.
  save() {
    const name = this.name;
    // (The unnamed copy is the one saved last, replaced as before; named ones are asked about.)
    const existing = name ? storage.person(name) : null;
    const same = existing && sameAnswers(existing, this.answers());
    if (existing && !same && this.current !== name) {
      const when = new Date(existing.saved_at);
      const at = Number.isNaN(when.getTime()) ? "" : `（保存于 ${chineseDate(when, { time: true })}）`;
      this.confirmText.textContent = `这台设备上已经保存了${name ? `“${name}”` : "一份没有名字"}的内容${at}。要用现在填写的内容替换它吗？`;
      this.confirmBox.hidden = false;
      this.confirmBox.querySelector("button").focus();
      this.status.textContent = "";
      return;
    }
    this.store();
  }

  store() {
    this.confirmBox.hidden = true;
    const name = this.name;
    try {
      storage.save(this.answers(), name);
      this.current = name;
      this.status.textContent = `已${name ? `按“${name}”` : ""}保存在这台设备的浏览器中，下次打开本页会自动填入。`;
    } catch {
      this.status.textContent = "无法保存：浏览器禁止了本地存储（可能处于无痕模式）。";
    }
    this.listPeople();
  }

  // The people saved under a name, each to fill in or delete.
  listPeople() {
    const people = storage.people();
    this.peopleList.replaceChildren(
      ...people.map((record) => {
        const when = new Date(record.saved_at);
        const at = Number.isNaN(when.getTime()) ? "" : `保存于 ${chineseDate(when, { time: true })}`;
        const open = el("button", { type: "button", className: "secondary", text: `填入“${record.name}”` });
        open.addEventListener("click", () => {
          this.confirmBox.hidden = true;
          this.restore(record);
          this.setName(record.name, record.name);
          this.status.textContent = `已填入“${record.name}”保存的内容。`;
        });
        const remove = el("button", { type: "button", className: "secondary", text: `删除“${record.name}”` });
        remove.addEventListener("click", () => {
          storage.remove(record.name);
          if (this.current === record.name) this.current = null;
          this.listPeople();
          this.status.textContent = `已删除“${record.name}”保存的内容。`;
          this.nameInput.focus();
        });
        return el(
          "li",
          {},
          el("span", { className: "saved-name", text: record.name }),
          el("span", { className: "saved-at", text: at }),
          el("div", { className: "button-row" }, open, remove),
        );
      }),
    );
    this.peopleSection.hidden = !people.length;
  }

  // The person changed an answer: what was said about the last keep, and the offer to undo a
  // clear, are gone.
  edited() {
    this.status.textContent = "";
    this.dropUndo();
  }

  clear() {
    this.dropUndo();
    this.undo = { answers: this.answers(), name: this.name, saved: storage.all(), timer: 0 };
    storage.clear();
    session.clear();
    this.setName("");
    this.confirmBox.hidden = true;
    this.listPeople();
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
    const { answers, name, saved } = this.undo;
    const hadSaved = Boolean(saved.last || saved.people.length);
    this.dropUndo();
    try {
      storage.restoreAll(saved);
    } catch {
      // storage refused: the form still comes back
    }
    this.restore(answers);
    this.setName(name);
    this.listPeople();
    this.status.textContent = hadSaved ? "已撤销：填写的内容和本机保存的副本已恢复。" : "已撤销：填写的内容已恢复。";
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
