// The engine's status line above the form (#engine-status): the download's progress, ready,
// or what went wrong with the buttons to try again or reload. The result card says its own
// part (calculator.js).

export class EngineStatus {
  // root: #engine-status. runtimeBytes: the engine's files as the worker counts them while they
  // are decoded; downloadBytes: as they travel (the brotli copies a host serves), shown as the
  // download's size.
  constructor(root, { runtimeBytes = 0, downloadBytes = 0, retry, reload }) {
    const $ = (selector) => root.querySelector(selector);
    Object.assign(this, { root, runtimeBytes, downloadBytes });
    this.text = $("#engine-status-text");
    this.progress = $("#engine-progress");
    this.error = $("#engine-error");
    this.detail = $("#engine-error-detail");
    this.technical = $("#engine-error-technical");
    this.retry = $("#engine-retry");
    this.reload = $("#engine-reload");
    this.retry.addEventListener("click", retry);
    this.reload.addEventListener("click", reload);
  }

  // Decimal megabytes, as download sizes are usually written: "约 4.2 MB".
  size() {
    return this.downloadBytes ? `约 ${(this.downloadBytes / 1e6).toFixed(1)} MB（只需下载一次）` : "只需下载一次";
  }

  // `loaded`: raw bytes the worker has received. Returns the share of the whole (0..1), or
  // null when the whole is not known.
  showProgress(loaded) {
    const fraction = this.runtimeBytes ? Math.min(1, loaded / this.runtimeBytes) : null;
    if (fraction === null) {
      this.progress.removeAttribute("value");
      this.text.textContent = `正在下载计算引擎，${this.size()}。你可以先填写。`;
    } else {
      const percent = Math.min(99, Math.floor(fraction * 100));
      this.progress.max = 100;
      this.progress.value = percent;
      this.text.textContent = `正在下载计算引擎，${this.size()}：已完成 ${percent}%。你可以先填写。`;
    }
    return fraction;
  }

  // detail on "error" (calculator-engine.js): {message: what happened and what to do, in plain
  // Chinese; technical: the raw detail, shown folded for reporting; retry; reload}.
  show(state, detail) {
    const failed = state === "error";
    this.error.textContent = failed ? detail.message : "";
    this.technical.textContent = failed ? detail.technical || "" : "";
    this.detail.hidden = !(failed && detail.technical);
    this.detail.open = false;
    this.reload.hidden = !(failed && detail.reload);
    if (state === "loading") {
      this.text.textContent = `正在下载计算引擎，${this.size()}。你可以先填写，结果会自动出现。`;
      this.progress.hidden = false;
      this.progress.removeAttribute("value");
      this.retry.hidden = true;
    } else if (state === "ready") {
      this.progress.hidden = true;
      this.retry.hidden = true;
      this.text.textContent = "计算引擎已就绪。";
    } else if (failed) {
      this.progress.hidden = true;
      this.retry.hidden = !detail.retry;
      this.text.textContent = detail.retry
        ? "计算引擎出了问题。你填写的内容都还在。"
        : "这个浏览器无法运行计算引擎。你填写的内容都还在，可以保存或复制分享链接，换一个浏览器打开。";
    }
  }
}
