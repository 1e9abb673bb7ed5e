/* kg graph page. Data comes from the application/json blocks; every piece of it is put into the
   DOM with textContent or as a DOM node, never parsed as markup. */
(function () {
  "use strict";
  var t0 = performance.now();

  function readJson(id) { return JSON.parse(document.getElementById(id).textContent); }
  function $(id) { return document.getElementById(id); }
  function el(tag, props, children) {
    var node = document.createElement(tag);
    if (props) {
      Object.keys(props).forEach(function (key) {
        if (key === "text") { node.textContent = props[key]; }
        else if (key === "className") { node.className = props[key]; }
        else if (key === "style") { Object.assign(node.style, props[key]); }
        else if (key.slice(0, 2) === "on") { node.addEventListener(key.slice(2), props[key]); }
        else { node.setAttribute(key, props[key]); }
      });
    }
    (children || []).forEach(function (c) {
      if (c !== null && c !== undefined) { node.appendChild(typeof c === "string" ? document.createTextNode(c) : c); }
    });
    return node;
  }
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }
  function norm(s) { return String(s).normalize("NFKC").toLowerCase().replace(/\s+/g, ""); }

  var data = readJson("kg-data");
  var options = readJson("kg-options");
  var nodes = new vis.DataSet(readJson("kg-nodes"));
  var edges = new vis.DataSet(readJson("kg-edges"));
  var entities = data.entities;
  var relations = {};
  data.relations.forEach(function (r) { relations[r.id] = r; });
  var typeInfo = {};
  data.types.forEach(function (t) { typeInfo[t.id] = t; });
  var GLYPHS = { dot: "●", square: "■", diamond: "◆", triangle: "▲", star: "★" };

  var state = { stabilised: false, stabilisedMs: null, layoutRuns: 0, highlighted: null, selected: null };
  var typeOn = {}, relationOn = {};
  data.types.forEach(function (t) { typeOn[t.id] = true; });
  data.relation_types.forEach(function (r) { relationOn[r.id] = true; });

  var nodesView = new vis.DataView(nodes, { filter: function (n) { return typeOn[n.type] !== false; } });
  var edgesView = new vis.DataView(edges, {
    filter: function (e) {
      return relationOn[e.relation] !== false && nodeVisible(e.from) && nodeVisible(e.to);
    }
  });
  function nodeVisible(id) { var e = entities[id]; return !!e && typeOn[e.type] !== false; }

  /* ------------------------------------------------------------------ header */
  var s = data.stats;
  $("kg-stats").textContent = s.documents + " 篇文档 · " + s.entities + " 个实体 · " + s.relations + " 条关系";
  if (s.hidden_entities > 0) {
    var note = $("kg-truncated");
    note.textContent = "仅显示连接最多的 " + s.shown_entities + " / " + s.entities + " 个实体，隐藏 " +
      s.hidden_relations + " 条关系（完整数据见 graph.json） — showing " + s.shown_entities + " of " +
      s.entities + " entities, " + s.hidden_relations + " relations hidden";
    note.hidden = false;
  } else if (s.hidden_relations > 0) {
    var edgeNote = $("kg-truncated");
    edgeNote.textContent = "仅显示置信度最高的 " + s.shown_relations + " / " + s.relations +
      " 条关系（完整数据见 graph.json） — showing the " + s.shown_relations + " most confident of " +
      s.relations + " relations";
    edgeNote.hidden = false;
  }

  /* ------------------------------------------------------------------ filters and legend */
  function filterRow(kind, item, glyph, color) {
    var box = el("input", { type: "checkbox" });
    box.checked = true;
    box.dataset[kind] = item.id;
    box.addEventListener("change", function () {
      (kind === "type" ? typeOn : relationOn)[item.id] = box.checked;
      refresh();
    });
    var mark = el("span", { className: "kg-glyph", text: glyph, style: { color: color } });
    return el("label", { title: item.id }, [box, mark, el("span", { text: item.label }),
      el("span", { className: "kg-count", text: String(item.count) })]);
  }
  data.types.forEach(function (t) {
    $("kg-type-filters").appendChild(filterRow("type", t, GLYPHS[t.shape] || "●", t.color));
  });
  data.relation_types.forEach(function (r) {
    $("kg-relation-filters").appendChild(filterRow("relation", r, r.symmetric ? "┄" : "→", "#52606d"));
  });
  function refresh() {
    nodesView.refresh();
    edgesView.refresh();
    $("kg-visible").textContent = "当前显示 " + nodesView.length + " 个实体 · " + edgesView.length + " 条关系";
  }

  /* ------------------------------------------------------------------ network */
  var container = $("mynetwork");
  var network = new vis.Network(container, { nodes: nodesView, edges: edgesView }, options);
  refresh();

  function stopPhysics() {
    network.setOptions({ physics: { enabled: false } });
    state.stabilised = true;
    state.layoutRuns += 1;
    if (state.stabilisedMs === null) { state.stabilisedMs = performance.now() - t0; state.stabilisedAt = performance.now(); }
    $("kg-loading").className = "kg-done";
    $("kg-layout-status").textContent = "布局完成（" + Math.round(state.stabilisedMs) + " ms），物理模拟已停止";
  }
  network.on("stabilizationProgress", function (p) {
    var pct = Math.round(100 * p.iterations / p.total);
    $("kg-loading-fill").style.width = pct + "%";
    $("kg-loading-text").textContent = "正在布局… " + pct + "%";
  });
  network.on("stabilizationIterationsDone", stopPhysics);
  if (nodes.length === 0) { stopPhysics(); }

  $("kg-relayout").addEventListener("click", function () {
    state.stabilised = false;
    $("kg-layout-status").textContent = "正在重新布局…";
    network.setOptions({ physics: { enabled: true } });
    network.stabilize(options.physics.stabilization.iterations);
  });

  /* ------------------------------------------------------------------ search */
  var index = [];
  var datalist = $("kg-search-list");
  var seen = {};
  Object.keys(entities).forEach(function (id) {
    var e = entities[id];
    [e.label].concat(e.aliases).forEach(function (name) {
      index.push({ key: norm(name), id: id, weight: e.mentions + e.degree });
      if (!seen[name]) { seen[name] = true; datalist.appendChild(el("option", { value: name })); }
    });
  });
  function findEntity(query) {
    var q = norm(query);
    if (!q) { return null; }
    var best = null;
    index.forEach(function (item) {
      var rank = item.key === q ? 2 : (item.key.indexOf(q) >= 0 ? 1 : 0);
      if (rank && (!best || rank > best.rank || (rank === best.rank && item.weight > best.weight))) {
        best = { rank: rank, id: item.id, weight: item.weight };
      }
    });
    return best && best.id;
  }
  function search() {
    var query = $("kg-search").value;
    var status = $("kg-search-status");
    var id = findEntity(query);
    if (!id) { status.textContent = query.trim() ? "未找到：" + query : ""; return; }
    var e = entities[id];
    if (!nodeVisible(id)) {
      typeOn[e.type] = true;
      var box = document.querySelector('#kg-type-filters input[data-type="' + CSS.escape(e.type) + '"]');
      if (box) { box.checked = true; }
      refresh();
    }
    status.textContent = "已定位：" + e.label;
    focusNode(id);
  }
  $("kg-search-go").addEventListener("click", search);
  $("kg-search").addEventListener("keydown", function (ev) { if (ev.key === "Enter") { ev.preventDefault(); search(); } });

  function highlight(id) {
    if (state.highlighted && state.highlighted !== id && nodes.get(state.highlighted)) {
      nodes.update({ id: state.highlighted, borderWidth: 1, font: { color: "#1F2933", size: 14 } });
    }
    state.highlighted = id;
    if (id !== null) { nodes.update({ id: id, borderWidth: 5, font: { color: "#D1495B", size: 20 } }); }
  }
  function focusNode(id) {
    highlight(id);
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.2), animation: { duration: 400, easingFunction: "easeInOutQuad" } });
    showEntity(id);
  }

  /* ------------------------------------------------------------------ side panel */
  var panel = $("kg-panel"), body = $("kg-panel-body");
  $("kg-panel-close").addEventListener("click", function () { panel.hidden = true; state.selected = null; });
  function openPanel(kind, id, children) {
    clear(body);
    children.forEach(function (c) { if (c) { body.appendChild(c); } });
    panel.hidden = false;
    panel.dataset.kind = kind;
    state.selected = { kind: kind, id: id };
  }
  function entityLink(id) {
    var e = entities[id];
    return el("button", { className: "kg-link", type: "button", text: e ? e.label : id,
      onclick: function () { focusNode(id); } });
  }
  function typeBadge(type) {
    var info = typeInfo[type] || { label: type, color: "#9d9d9d" };
    return el("span", { className: "kg-type-badge", text: info.label + " " + type, style: { background: info.color } });
  }
  function section(title, items) {
    if (!items.length) { return null; }
    return el("div", null, [el("h3", { text: title }), el("ul", null, items)]);
  }
  function more(n, tag) {
    /* the line after a list the page holds only the start of */
    return n > 0 ? [el(tag, { className: "kg-note", text: "… 另有 " + n + " 条，见 graph.json — " + n + " more in graph.json" })] : [];
  }
  function showEntity(id) {
    var e = entities[id];
    if (!e) { return; }
    var rels = data.relations.filter(function (r) { return r.source === id || r.target === id; });
    openPanel("entity", id, [
      el("h2", { text: e.label }),
      typeBadge(e.type),
      el("p", { className: "kg-meta", text: "提及 " + e.mentions + " 次 · " + rels.length + " 条关系 · id " + e.id }),
      section("别名", e.aliases.map(function (a) { return el("li", { text: a }); })),
      section("文档（" + e.docs_total + "）", e.docs.map(function (d) { return el("li", { text: d }); })
        .concat(more(e.docs_total - e.docs.length, "li"))),
      section("关系（" + rels.length + "）", rels.map(function (r) {
        var out = r.source === id;
        var other = out ? r.target : r.source;
        var arrow = r.symmetric ? "↔ " : (out ? "→ " : "← ");
        return el("li", null, [
          el("button", { className: "kg-link", type: "button", text: arrow + r.label,
            onclick: function () { selectRelation(r.id); } }),
          " ", entityLink(other),
          r.role ? " （" + r.role + "）" : "",
          r.date ? " " + r.date : ""
        ]);
      }))
    ]);
  }
  function highlighted(sentence, names) {
    /* the sentence as text nodes, with every occurrence of a name wrapped in <mark> */
    var wanted = names.filter(function (n) { return n && n.length; })
      .sort(function (a, b) { return b.length - a.length; });
    var frag = document.createDocumentFragment();
    var i = 0, plain = "";
    while (i < sentence.length) {
      var hit = null;
      for (var k = 0; k < wanted.length; k++) {
        if (sentence.substr(i, wanted[k].length) === wanted[k]) { hit = wanted[k]; break; }
      }
      if (hit) {
        if (plain) { frag.appendChild(document.createTextNode(plain)); plain = ""; }
        frag.appendChild(el("mark", { text: hit }));
        i += hit.length;
      } else { plain += sentence.charAt(i); i += 1; }
    }
    if (plain) { frag.appendChild(document.createTextNode(plain)); }
    return frag;
  }
  function showRelation(rid) {
    var r = relations[rid];
    if (!r) { return; }
    var src = entities[r.source], dst = entities[r.target];
    var names = [src.label].concat(src.aliases, [dst.label], dst.aliases);
    openPanel("relation", rid, [
      el("h2", { text: r.label }),
      el("p", { className: "kg-meta" }, [entityLink(r.source), r.symmetric ? " ↔ " : " → ", entityLink(r.target)]),
      el("p", { className: "kg-meta", text: "关系：" + r.relation + " · 置信度 " + r.confidence.toFixed(2) }),
      r.role ? el("p", { className: "kg-meta", text: "职务：" + r.role }) : null,
      r.date ? el("p", { className: "kg-meta", text: "时间：" + r.date }) : null,
      el("h3", { text: "证据（" + r.evidence_total + "）" }),
      el("div", null, r.evidence.map(function (ev) {
        return el("div", { className: "kg-evidence" }, [
          el("div", { className: "kg-sentence" }, [highlighted(ev.sentence, names)]),
          el("div", { className: "kg-doc", text: "文档 " + ev.doc + (ev.start !== null ? " · 字符 " + ev.start + "–" + ev.end : "") })
        ]);
      }).concat(more(r.evidence_total - r.evidence.length, "p")))
    ]);
  }
  function selectRelation(rid) {
    if (edgesView.get(rid)) { network.selectEdges([rid]); }
    showRelation(rid);
  }
  network.on("click", function (params) {
    if (params.nodes.length) { highlight(params.nodes[0]); showEntity(params.nodes[0]); }
    else if (params.edges.length) { showRelation(params.edges[0]); }
  });

  /* ------------------------------------------------------------------ for tests and the console */
  window.kg = {
    network: network, nodes: nodes, edges: edges, nodesView: nodesView, edgesView: edgesView, state: state,
    focusNode: focusNode, findEntity: findEntity, showRelation: showRelation, refresh: refresh,
    drawn: function () { return { nodes: network.body.nodeIndices.length, edges: network.body.edgeIndices.length }; }
  };
})();
