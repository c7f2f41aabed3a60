// Renders the engine's result and plan. Text only ever goes in through textContent.
(() => {
  const parts = (globalThis.ShPoints ??= {});

  const GROUPS = [
    ["base", "基础指标"],
    ["bonus", "加分指标"],
    ["deduction", "减分指标"],
    ["veto", "一票否决"],
    ["eligibility", "申请条件"],
  ];

  function el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs)) {
      if (value === undefined || value === null || value === false) continue;
      if (key === "text") node.textContent = value;
      else if (key === "className") node.className = value;
      else node.setAttribute(key, value === true ? "" : value);
    }
    for (const child of children) if (child) node.append(child);
    return node;
  }

  function signed(points) {
    if (typeof points !== "number") return String(points ?? "");
    return points > 0 ? `+${points}` : String(points);
  }

  function standardOf(result) {
    return typeof result.standard === "number" ? result.standard : 120;
  }

  function headline(result) {
    if (result.headline) return result.headline;
    const total = result.total;
    const standard = standardOf(result);
    if (result.vetoed) {
      return `按你填写的情况，属于一票否决情形，不能申请积分（分项合计 ${total} 分）。`;
    }
    if (result.eligible === false) {
      return `你的积分为 ${total} 分，但目前还不符合申请条件（见下方“申请条件”）。`;
    }
    if (result.passes) return `你的积分为 ${total} 分，已达到 ${standard} 分标准。`;
    return `你的积分为 ${total} 分，距 ${standard} 分标准还差 ${standard - total} 分。`;
  }

  function sourceText(source) {
    if (!source) return "";
    if (typeof source === "string") return source;
    return [source.title, source.article, source.key].filter(Boolean).join(" · ");
  }

  function lineDetails(line) {
    const body = el("div", { className: "line-body" });
    if (line.explanation) body.append(el("p", { text: line.explanation }));
    const facts = el("dl", { className: "line-facts" });
    if (line.rule) facts.append(el("dt", { text: "规则" }), el("dd", { text: line.rule }));
    const source = sourceText(line.source);
    if (source) facts.append(el("dt", { text: "依据" }), el("dd", { text: source }));
    for (const decision of line.decisions || []) {
      facts.append(
        el("dt", { text: `本站解释 ${decision.id || ""}`.trim() }),
        el("dd", { text: decision.text || "" }),
      );
    }
    if (facts.childElementCount) body.append(facts);
    for (const warning of line.warnings || []) {
      body.append(el("p", { className: "line-warning", text: `注意：${warning}` }));
    }
    return body;
  }

  function lineItem(line) {
    const points = el("span", { className: "line-points", text: `${signed(line.points)} 分` });
    const summary = el("summary", {}, el("span", { className: "line-label", text: line.label || line.id }), points);
    const details = el("details", { className: "line", "data-line": line.id }, summary, lineDetails(line));
    return el("li", {}, details);
  }

  function renderBreakdown(container, result) {
    container.replaceChildren();
    const lines = Array.isArray(result.lines) ? result.lines : [];
    const known = new Set(GROUPS.map(([id]) => id));
    for (const [group, title] of GROUPS) {
      const inGroup = lines.filter((l) => l.group === group || (group === "bonus" && !known.has(l.group)));
      if (!inGroup.length) continue;
      const counted = inGroup.filter((l) => l.points !== 0);
      const zero = inGroup.filter((l) => l.points === 0);
      const subtotal = counted.reduce((sum, l) => sum + (Number(l.points) || 0), 0);
      const section = el("section", { className: "breakdown-group", "data-group": group });
      section.append(el("h3", {}, el("span", { text: title }), el("span", { className: "group-total", text: `${signed(subtotal)} 分` })));
      if (counted.length) section.append(el("ul", { className: "lines" }, ...counted.map(lineItem)));
      if (zero.length) {
        const folded = el("details", { className: "zero-lines" });
        folded.append(el("summary", { text: `另有 ${zero.length} 项为 0 分` }));
        folded.append(el("ul", { className: "lines" }, ...zero.map(lineItem)));
        section.append(folded);
      }
      container.append(section);
    }
  }

  // Eligibility and vetoes are conditions, not points: shown after the breakdown.
  function renderEligibility(container, result) {
    const section = el("section", { className: "breakdown-group", "data-group": "eligibility" });
    section.append(el("h3", {}, el("span", { text: "申请条件" }),
      el("span", { className: "group-total", text: result.eligible === false ? "✗ 暂不符合" : "✓ 符合" })));
    const info = result.eligibility;
    if (info && info.explanation) {
      const line = { id: "eligibility", label: info.met ? "社保缴纳满足申请条件" : "社保缴纳暂不满足申请条件",
        points: "", explanation: info.explanation, source: info.source, decisions: info.decisions };
      const item = lineItem(line);
      item.querySelector(".line-points").textContent = info.met ? "符合" : "不符合";
      section.append(el("ul", { className: "lines" }, item));
    }
    for (const veto of result.vetoes || []) {
      const line = typeof veto === "string" ? { id: "veto", label: veto } : { id: veto.id || "veto", ...veto };
      const item = lineItem({ ...line, label: line.label || line.text || "一票否决", points: "" });
      item.querySelector(".line-points").textContent = "否决";
      section.append(el("ul", { className: "lines" }, item));
    }
    container.append(section);
  }

  // "2026-07" -> "2026年7月"
  function chineseMonth(label) {
    const match = /^(\d{4})-(\d{2})$/.exec(String(label || ""));
    return match ? `${Number(match[1])}年${Number(match[2])}月` : "";
  }

  // How far the yardstick (社平工资) figures the engine converts yuan with are published.
  function yardstickText(info) {
    if (!info) return "";
    const from = chineseMonth(info.newest_year);
    const to = chineseMonth(info.published_through);
    if (!from || !to) return "";
    const on = info.published_on ? `（${info.published_on}公布）` : "";
    return `社平工资数据已更新到${from}至${to}缴费年度${on}。`;
  }

  function renderList(container, items) {
    container.replaceChildren(...items.map((text) => el("li", { text })));
    container.hidden = !items.length;
  }

  function renderResult(view, result) {
    const total = result.total;
    view.total.textContent = String(total);
    view.total.dataset.passes = result.passes ? "true" : "false";
    view.gap.textContent = result.passes ? "已达标" : `还差 ${Math.max(0, standardOf(result) - total)} 分`;
    view.headline.textContent = headline(result);
    view.meter.style.setProperty("--share", String(Math.max(0, Math.min(1, total / standardOf(result)))));
    view.root.dataset.result = result.passes ? "passes" : "short";
    renderBreakdown(view.breakdown, result);
    renderList(view.warnings, (result.warnings || []).map((w) => (typeof w === "string" ? w : w.text || w.zh || "")));
    renderEligibility(view.breakdown, result);
    if (view.rulesVersion && result.rules_version) view.rulesVersion.textContent = result.rules_version;
    if (view.asOf && result.as_of) view.asOf.textContent = result.as_of;
    if (view.yardstick) {
      view.yardstick.textContent = yardstickText(result.yardstick);
      view.yardstick.hidden = !view.yardstick.textContent;
    }
  }

  function reachText(item, standard) {
    if (!item.reaches_standard_on) return `到 ${item.total_on || "测算期末"} 仍达不到 ${standard} 分`;
    return `预计 ${item.reaches_standard_on} 达到 ${standard} 分`;
  }

  function planItem(item, standard) {
    return el("li", {},
      el("strong", { text: item.title || item.id }),
      el("p", { text: `${reachText(item, standard)}${typeof item.total === "number" ? `（届时 ${item.total} 分）` : ""}。` }),
      item.assumption ? el("p", { className: "assumption", text: `假设：${item.assumption}` }) : null);
  }

  function renderPlan(view, plan) {
    view.plan.replaceChildren();
    if (!plan) return;
    const standard = standardOf(plan);
    if (plan.summary) view.plan.append(el("p", { className: "plan-summary", text: plan.summary }));
    if (plan.current && plan.current.passes) return;
    if (plan.time_only) {
      view.plan.append(el("h3", { text: "照现在的情况继续" }));
      view.plan.append(el("ul", { className: "plan-changes plan-course" }, planItem(plan.time_only, standard)));
    }
    const suggestions = (plan.suggestions || []).filter((s) => s.reaches_standard_on);
    if (suggestions.length) {
      view.plan.append(el("h3", { text: "更快达标的办法（按达标日期排序）" }));
      view.plan.append(el("ol", { className: "plan-changes" }, ...suggestions.map((s) => planItem(s, standard))));
    }
    if (plan.horizon) {
      view.plan.append(el("p", { className: "assumption", text: `测算到 ${plan.horizon} 为止；这些是按规则推算的情形，不是承诺。` }));
    }
  }

  parts.result = { renderResult, renderPlan, headline, el, signed, GROUPS };
})();
