/* kg graph page, part 4: the network, the sidebar and the views. Data comes from the application/json
   blocks; every piece of it is put into the DOM with textContent or as a DOM node, never parsed as markup.

   Views: by default the network draws the entities that have a relation in the current view; the others are
   listed in the sidebar and drawn on request, in rows below the graph. Filters (entity and relation types, a
   document or a publication, a date range, an entity's neighbourhood) all go through kgViews.compute. */
(function () {
  "use strict";
  var t0 = performance.now();
  var LOOSE_LIST = 200;       /* names listed at first in the sidebar's list of entities without relations */
  var LOOSE_SPACING = 70;     /* canvas units between entities without relations, drawn in rows */
  var READABLE_PX = 13;       /* on-screen font size the hubs' labels get at the first zoom */
  var LABEL_MAX_CAP = 80;     /* ... but never more than this many canvas units */
  var HUBS = 3;               /* how many of the largest nodes that applies to */

  var readJson = kgDom.readJson, $ = kgDom.$, el = kgDom.el, clear = kgDom.clear, norm = kgDom.norm;

  var data = readJson("kg-data");
  var options = readJson("kg-options");
  var nodes = new vis.DataSet(readJson("kg-nodes"));
  var edges = new vis.DataSet(readJson("kg-edges"));
  var entities = data.entities, documents = data.documents;
  var relations = {};
  data.relations.forEach(function (r) { relations[r.id] = r; r.span = kgViews.monthSpan(r.date); });
  documents.forEach(function (d) { d.span = kgViews.monthSpan(d.date); });
  var typeInfo = {};
  data.types.forEach(function (t) { typeInfo[t.id] = t; });
  var GLYPHS = { dot: "●", square: "■", diamond: "◆", triangle: "▲", star: "★" };

  var state = { stabilised: false, stabilisedMs: null, layoutRuns: 0, highlighted: null, selected: null,
                labelMax: null };
  var typeOn = {}, relationOn = {};
  data.types.forEach(function (t) { typeOn[t.id] = true; });
  data.relation_types.forEach(function (r) { relationOn[r.id] = true; });
  var view = {
    unconnected: data.relations.length === 0,  /* a graph without relations draws its entities */
    revealed: {}, doc: null, range: null, focus: null, history: [], sizeBy: "mentions"
  };
  var current = { nodes: {}, edges: {}, nodeCount: 0, edgeCount: 0 };
  var home = {};     /* id -> {x, y}: where the layout put each entity that has relations */
  var placed = {};   /* id -> "linked" | "loose": how each node is positioned in the DataSet now */

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

  /* ------------------------------------------------------------------ type and relation filters */
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

  /* ------------------------------------------------------------------ documents and publications */
  var publications = {};  /* name -> [document index] */
  documents.forEach(function (d, i) {
    var name = d.publication || d.author;
    if (name) { (publications[name] = publications[name] || []).push(i); }
  });
  var pubNames = Object.keys(publications).sort(function (a, b) {
    return publications[b].length - publications[a].length || (a < b ? -1 : a > b ? 1 : 0);
  });
  function docName(i) {
    var d = documents[i];
    return d ? (d.title || d.id) : "";
  }
  (function buildDocSelect() {
    var select = $("kg-doc");
    if (pubNames.length) {
      var pubs = el("optgroup", { label: "来源（" + pubNames.length + "）" });
      pubNames.forEach(function (name, k) {
        pubs.appendChild(el("option", { value: "pub:" + k, text: name + "（" + publications[name].length + " 篇）" }));
      });
      select.appendChild(pubs);
    }
    var arts = el("optgroup", { label: "文章（" + documents.length + "）" });
    for (var i = documents.length - 1; i >= 0; i--) {  /* newest first */
      var d = documents[i];
      arts.appendChild(el("option", { value: "doc:" + i, text: (d.date ? d.date + " · " : "") + docName(i) }));
    }
    select.appendChild(arts);
    select.addEventListener("change", function () { setDoc(select.value || null); });
  })();
  function docSet() {
    if (!view.doc) { return null; }
    var set = {};
    if (view.doc.kind === "doc") { set[view.doc.index] = true; }
    else { publications[view.doc.name].forEach(function (i) { set[i] = true; }); }
    return set;
  }
  function setDoc(value) {
    /* value: "doc:INDEX", "pub:INDEX" (into the list of publications) or null */
    var parts = value ? String(value).split(":") : null;
    if (parts && parts[0] === "doc" && documents[Number(parts[1])]) { view.doc = { kind: "doc", index: Number(parts[1]) }; }
    else if (parts && parts[0] === "pub" && pubNames[Number(parts[1])]) { view.doc = { kind: "pub", name: pubNames[Number(parts[1])] }; }
    else { view.doc = null; }
    $("kg-doc").value = view.doc ? value : "";
    refresh({ fit: true });
  }
  function showDocInfo() {
    var box = $("kg-doc-info");
    clear(box);
    box.hidden = !view.doc;
    if (!view.doc) { return; }
    var counts = current.nodeCount + " 个实体 · " + current.edgeCount + " 条关系";
    if (view.doc.kind === "doc") {
      var d = documents[view.doc.index];
      box.appendChild(el("div", { className: "kg-doc-title", text: d.title || d.id }));
      box.appendChild(el("div", { className: "kg-note", text: [d.date, d.publication || d.author].filter(Boolean).join(" · ") }));
      if (d.title) { box.appendChild(el("div", { className: "kg-note", text: "id " + d.id })); }
    } else {
      box.appendChild(el("div", { className: "kg-doc-title", text: view.doc.name }));
      var docs = publications[view.doc.name];
      var dates = docs.map(function (i) { return documents[i].date; }).filter(Boolean).sort();
      box.appendChild(el("div", { className: "kg-note", text: docs.length + " 篇" +
        (dates.length ? " · " + dates[0] + " — " + dates[dates.length - 1] : "") }));
    }
    box.appendChild(el("div", { className: "kg-note", text: "其中：" + counts }));
    box.appendChild(el("button", { type: "button", text: "显示全部文档", onclick: function () { setDoc(null); } }));
  }

  /* ------------------------------------------------------------------ date range */
  /* The sliders step through the months that relations' dates start or end in, not through every month: one
     sentence about 1950 must not squeeze the years of the news into a few pixels. */
  var months = { list: [], undated: 0 };
  (function () {
    var seen = {};
    data.relations.forEach(function (r) {
      if (!r.span) { months.undated += 1; return; }
      seen[r.span[0]] = true;
      seen[r.span[1]] = true;
    });
    months.list = Object.keys(seen).map(Number).sort(function (a, b) { return a - b; });
    months.lo = months.list.length ? months.list[0] : null;
    months.hi = months.list.length ? months.list[months.list.length - 1] : null;
  })();
  function monthIndex(month, fromBelow) {
    /* the slider position of a month: the last listed month at or before it (fromBelow), else the first at or after */
    var list = months.list, i;
    if (fromBelow) {
      for (i = list.length - 1; i > 0 && list[i] > month; i--) { /* back */ }
      return i;
    }
    for (i = 0; i < list.length - 1 && list[i] < month; i++) { /* on */ }
    return i;
  }
  (function buildDateRange() {
    if (months.lo === null) { return; }
    $("kg-date-box").hidden = false;
    [$("kg-date-from"), $("kg-date-to")].forEach(function (input, k) {
      input.min = "0";
      input.max = String(months.list.length - 1);
      input.value = String(k === 0 ? 0 : months.list.length - 1);
      input.addEventListener("input", function () {
        setRange(months.list[Number($("kg-date-from").value)], months.list[Number($("kg-date-to").value)], k);
      });
    });
    $("kg-date-reset").addEventListener("click", function () { setRange(null, null); });
    $("kg-date-note").textContent = "按关系的日期（句中日期，否则文章日期）" +
      (months.undated ? "；" + months.undated + " 条关系无日期，选定时间段时不显示" : "");
    showRange();
  })();
  function setRange(lo, hi, moved) {
    /* lo, hi: months (kgViews.monthSpan) or "YYYY-MM" strings; null for the whole time. moved: which slider
       the user moved (0 from, 1 to): if they cross, the other one follows. */
    if (typeof lo === "string") { lo = kgViews.monthSpan(lo)[0]; }
    if (typeof hi === "string") { hi = kgViews.monthSpan(hi)[1]; }
    if (lo === null || lo === undefined || months.lo === null) { view.range = null; }
    else {
      lo = Math.max(months.lo, Math.min(months.hi, lo));
      hi = Math.max(months.lo, Math.min(months.hi, hi));
      if (lo > hi) { if (moved === 1) { lo = hi; } else { hi = lo; } }
      view.range = (lo === months.lo && hi === months.hi) ? null : [lo, hi];
    }
    if (months.lo !== null) {
      $("kg-date-from").value = String(view.range ? monthIndex(view.range[0], true) : 0);
      $("kg-date-to").value = String(view.range ? monthIndex(view.range[1], false) : months.list.length - 1);
    }
    refresh();
  }
  function rangeText() {
    return view.range ? kgViews.monthLabel(view.range[0]) + " — " + kgViews.monthLabel(view.range[1]) : "全部时间";
  }
  function showRange() {
    if (months.lo === null) { return; }
    $("kg-date-label").textContent = view.range ? rangeText() :
      "全部时间（" + kgViews.monthLabel(months.lo) + " — " + kgViews.monthLabel(months.hi) + "）";
  }

  /* ------------------------------------------------------------------ neighbourhoods */
  function enterNeighbourhood(id, depth) {
    if (!entities[id]) { return; }
    view.history.push(view.focus);
    view.focus = { id: id, depth: depth || 1 };
    refresh({ fit: true });
    showEntity(id);
  }
  function back() {
    if (!view.focus && !view.history.length) { return; }
    view.focus = view.history.length ? view.history.pop() : null;
    refresh({ fit: true });
  }
  function leaveNeighbourhood() {
    view.focus = null;
    view.history = [];
    refresh({ fit: true });
  }
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape" && view.focus && !/^(INPUT|SELECT|TEXTAREA)$/.test(ev.target.tagName)) { back(); }
  });

  /* the bar above the network: what the view is limited to, and the way back */
  function showViewBar() {
    var bar = $("kg-viewbar");
    clear(bar);
    var parts = [];
    if (view.focus) {
      var depth = el("select", { id: "kg-depth", "aria-label": "邻域深度" }, [
        el("option", { value: "1", text: "1 跳" }), el("option", { value: "2", text: "2 跳" })]);
      depth.value = String(view.focus.depth);
      depth.addEventListener("change", function () { view.focus = { id: view.focus.id, depth: Number(depth.value) }; refresh({ fit: true }); });
      parts.push(el("span", { className: "kg-chip" }, [
        "邻域：", el("strong", { text: entities[view.focus.id].label }), " ", depth,
        el("button", { id: "kg-back", type: "button", text: "← 返回", title: "返回上一视图（Esc）", onclick: back }),
        view.history.length > 1 ? el("button", { type: "button", text: "全图", onclick: leaveNeighbourhood }) : null]));
    }
    if (view.doc) {
      parts.push(el("span", { className: "kg-chip" }, [
        view.doc.kind === "doc" ? "文档：" : "来源：",
        el("strong", { text: view.doc.kind === "doc" ? docName(view.doc.index) : view.doc.name }),
        el("button", { type: "button", text: "×", title: "显示全部文档", onclick: function () { setDoc(null); } })]));
    }
    if (view.range) {
      parts.push(el("span", { className: "kg-chip" }, ["时间：" + rangeText(),
        el("button", { type: "button", text: "×", title: "全部时间", onclick: function () { setRange(null, null); } })]));
    }
    parts.forEach(function (p) { bar.appendChild(p); });
    bar.hidden = parts.length === 0;
  }

  /* ------------------------------------------------------------------ entities without relations */
  var looseAll = Object.keys(entities).filter(function (id) { return entities[id].degree === 0; })
    .sort(function (a, b) { return entities[b].mentions - entities[a].mentions || (entities[a].label < entities[b].label ? -1 : 1); });
  $("kg-loose-toggle").checked = view.unconnected;
  $("kg-loose-toggle").addEventListener("change", function () { setUnconnected($("kg-loose-toggle").checked); });
  $("kg-loose-search").addEventListener("input", function () { showLooseList(); });
  function setUnconnected(on) {
    view.unconnected = !!on;
    $("kg-loose-toggle").checked = view.unconnected;
    if (!on) { view.revealed = {}; }
    refresh({ fit: true });
  }
  function looseInView() {
    /* the entities without relations that the current type, document and date filters let through */
    var v = viewSpec();
    v.unconnected = true;
    v.relations = [];
    v.focus = null;
    var shown = kgViews.compute(v).nodes;
    return looseAll.filter(function (id) { return shown[id]; });
  }
  function showLooseList() {
    var ids = looseInView();
    $("kg-loose-count").textContent = String(ids.length);
    var byType = {};
    ids.forEach(function (id) { byType[entities[id].type] = (byType[entities[id].type] || 0) + 1; });
    var types = $("kg-loose-types");
    clear(types);
    data.types.forEach(function (t) {
      if (byType[t.id]) {
        types.appendChild(el("span", { className: "kg-type-count", "data-type": t.id }, [
          el("span", { className: "kg-glyph", text: GLYPHS[t.shape] || "●", style: { color: t.color } }),
          t.label + " " + byType[t.id]]));
      }
    });
    var q = norm($("kg-loose-search").value);
    var hits = q ? ids.filter(function (id) {
      var e = entities[id];
      return [e.label].concat(e.aliases).some(function (n) { return norm(n).indexOf(q) >= 0; });
    }) : ids;
    var list = $("kg-loose-list");
    clear(list);
    hits.slice(0, LOOSE_LIST).forEach(function (id) {
      var e = entities[id], t = typeInfo[e.type] || {};
      list.appendChild(el("li", null, [el("button", { className: "kg-loose-item", type: "button", "data-id": id,
        title: (t.label || e.type) + " · 提及 " + e.mentions + " 次",
        onclick: function () { reveal(id); } }, [
          el("span", { className: "kg-glyph", text: GLYPHS[t.shape] || "●", style: { color: t.color || "#9d9d9d" } }),
          el("span", { className: "kg-loose-name", text: e.label }),
          el("span", { className: "kg-count", text: String(e.mentions) })])]));
    });
    $("kg-loose-more").textContent = hits.length > LOOSE_LIST ? "… 另有 " + (hits.length - LOOSE_LIST) + " 个，输入名称筛选" :
      (q && !hits.length ? "没有匹配的名称" : "");
    $("kg-loose-hidden").textContent = s.hidden_entities > 0 ? "另有 " + s.hidden_entities +
      " 个实体未放入本页，见 graph.json（--max-nodes）" : "";
  }
  function reveal(id) {
    /* draw one entity without relations (in the rows below the graph) and show it */
    if (!current.nodes[id]) {
      view.focus = null;
      view.history = [];
      view.revealed[id] = true;
      refresh();
    }
    focusNode(id);
  }

  /* ------------------------------------------------------------------ node size */
  $("kg-size-by").addEventListener("change", function () { setSizeBy($("kg-size-by").value); });
  function setSizeBy(by) {
    view.sizeBy = by === "degree" ? "degree" : "mentions";
    $("kg-size-by").value = view.sizeBy;
    nodes.update(Object.keys(entities).map(function (id) {
      var e = entities[id];
      return { id: id, value: (view.sizeBy === "degree" ? e.degree : e.mentions) || 1 };
    }));
  }

  /* ------------------------------------------------------------------ the view */
  function viewSpec() {
    return { entities: entities, relations: data.relations, documents: documents, typeOn: typeOn,
             relationOn: relationOn, range: view.range, docs: docSet(), focus: view.focus,
             unconnected: view.unconnected, revealed: view.revealed };
  }
  function place(next) {
    /* put entities without relations in this view in rows below the others; the others where the layout put them */
    var linked = [], loose = [];
    Object.keys(next.nodes).forEach(function (id) { (next.nodes[id] === "linked" ? linked : loose).push(id); });
    var box = null;
    linked.forEach(function (id) {
      var p = home[id];
      if (!p) { return; }
      if (!box) { box = { minX: p.x, maxX: p.x, maxY: p.y }; }
      box.minX = Math.min(box.minX, p.x); box.maxX = Math.max(box.maxX, p.x); box.maxY = Math.max(box.maxY, p.y);
    });
    var order = {};
    data.types.forEach(function (t, i) { order[t.id] = i; });
    loose.sort(function (a, b) {
      var ea = entities[a], eb = entities[b];
      return (order[ea.type] - order[eb.type]) || (eb.mentions - ea.mentions) || (ea.label < eb.label ? -1 : 1);
    });
    var spots = kgViews.grid(loose, box, LOOSE_SPACING), updates = [];
    loose.forEach(function (id) {
      var n = nodes.get(id);
      if (placed[id] !== "loose" || n.x !== spots[id].x || n.y !== spots[id].y) {
        updates.push({ id: id, x: spots[id].x, y: spots[id].y, physics: false });
        placed[id] = "loose";
      }
    });
    linked.forEach(function (id) {
      if (placed[id] === "loose") {
        updates.push(home[id] ? { id: id, x: home[id].x, y: home[id].y, physics: true } : { id: id, physics: true });
        placed[id] = "linked";
      }
    });
    if (updates.length) { nodes.update(updates); }
  }
  var nodesView = new vis.DataView(nodes, { filter: function (n) { return !!current.nodes[n.id]; } });
  var edgesView = new vis.DataView(edges, { filter: function (e) { return !!current.edges[e.id]; } });
  var network = null;

  function refresh(opts) {
    var next = kgViews.compute(viewSpec());
    if (network) { place(next); }
    current = next;
    nodesView.refresh();
    edgesView.refresh();
    $("kg-visible").textContent = "当前显示 " + nodesView.length + " 个实体 · " + edgesView.length + " 条关系";
    showDocInfo();
    showRange();
    showViewBar();
    showLooseList();
    if (network && opts && opts.fit) { fitView(); }
  }
  function fitView() {
    var ids = nodesView.getIds();
    if (ids.length) { network.fit({ nodes: ids, animation: false }); }
  }

  /* ------------------------------------------------------------------ network */
  current = kgViews.compute(viewSpec());
  Object.keys(current.nodes).forEach(function (id) { placed[id] = "linked"; });
  var hasLinks = Object.keys(current.nodes).length > 0 && current.edgeCount > 0;
  if (!hasLinks) {
    /* nothing for the layout to do: entities without relations go in rows */
    options.physics.enabled = false;
    var spots = kgViews.grid(Object.keys(current.nodes), null, LOOSE_SPACING);
    nodes.update(Object.keys(spots).map(function (id) { placed[id] = "loose"; return { id: id, x: spots[id].x, y: spots[id].y, physics: false }; }));
  }
  nodesView.refresh();
  edgesView.refresh();
  options.nodes.scaling.customScalingFunction = kgViews.logScale;
  var container = $("mynetwork");
  network = new vis.Network(container, { nodes: nodesView, edges: edgesView }, options);
  refresh();

  function rememberLayout() {
    /* keep the layout in the DataSet too: a node the view takes away and brings back returns to its place */
    var ids = nodesView.getIds().filter(function (id) { return current.nodes[id] === "linked"; });
    var at = network.getPositions(ids);
    ids.forEach(function (id) { home[id] = at[id]; });
    nodes.update(ids.map(function (id) { return { id: id, x: at[id].x, y: at[id].y }; }));
  }
  function readableHubs() {
    /* make the labels of the HUBS largest nodes drawn at READABLE_PX on screen at this zoom */
    var scale = network.getScale(), ids = nodesView.getIds();
    if (!ids.length || !(scale > 0)) { return; }
    var values = ids.map(function (id) { return nodes.get(id).value || 1; }).sort(function (a, b) { return b - a; });
    var lab = options.nodes.scaling.label, k = values[Math.min(HUBS, values.length) - 1];
    var share = kgViews.logScale(values[values.length - 1], values[0], values.length, k) || 1;
    var want = lab.min + (READABLE_PX / scale - lab.min) / share;
    state.labelMax = Math.round(Math.max(lab.max, Math.min(LABEL_MAX_CAP, want)));
    network.setOptions({ nodes: { scaling: { label: { max: state.labelMax } } } });
    network.body.emitter.emit("_dataUpdated");  /* vis-network 9.1 rescales nodes only when data changes */
  }
  function stopPhysics() {
    network.setOptions({ physics: { enabled: false } });
    var first = state.stabilisedMs === null;
    state.layoutRuns += 1;
    if (first) { state.stabilisedMs = performance.now() - t0; state.stabilisedAt = performance.now(); }
    rememberLayout();
    place(current);
    if (first) { fitView(); readableHubs(); }
    state.stabilised = true;
    $("kg-loading").className = "kg-done";
    $("kg-layout-status").textContent = "布局完成（" + Math.round(state.stabilisedMs) + " ms），物理模拟已停止";
  }
  network.on("stabilizationProgress", function (p) {
    var pct = Math.round(100 * p.iterations / p.total);
    $("kg-loading-fill").style.width = pct + "%";
    $("kg-loading-text").textContent = "正在布局… " + pct + "%";
  });
  network.on("stabilizationIterationsDone", stopPhysics);
  if (!hasLinks) { stopPhysics(); }
  network.on("dragEnd", function (params) {
    if (params.nodes.length) { rememberLayout(); }
  });

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
    var note = "";
    if (typeOn[e.type] === false) {
      typeOn[e.type] = true;
      var box = document.querySelector('#kg-type-filters input[data-type="' + CSS.escape(e.type) + '"]');
      if (box) { box.checked = true; }
      refresh();
    }
    if (!current.nodes[id] && (view.focus || view.doc || view.range)) {
      /* the name was asked for: leave the views that hide it */
      view.focus = null; view.history = []; view.doc = null; view.range = null;
      $("kg-doc").value = "";
      setRange(null, null);
      note = "（已显示全部文档和时间）";
    }
    if (!current.nodes[id]) { view.revealed[id] = true; refresh(); }
    status.textContent = "已定位：" + e.label + note;
    focusNode(id);
  }
  $("kg-search-go").addEventListener("click", search);
  $("kg-search").addEventListener("keydown", function (ev) { if (ev.key === "Enter") { ev.preventDefault(); search(); } });

  function highlight(id) {
    if (state.highlighted && state.highlighted !== id && nodes.get(state.highlighted)) {
      nodes.update({ id: state.highlighted, borderWidth: 1, font: { color: "#1F2933" } });
    }
    state.highlighted = id;
    if (id !== null) { nodes.update({ id: id, borderWidth: 5, font: { color: "#D1495B" } }); }
  }
  function focusNode(id) {
    highlight(id);
    if (nodesView.get(id)) {
      network.selectNodes([id]);
      network.focus(id, { scale: Math.max(network.getScale(), 1.2), animation: { duration: 400, easingFunction: "easeInOutQuad" } });
    }
    showEntity(id);
  }

  /* ------------------------------------------------------------------ side panel */
  var sidePanel = kgPanel({ data: data, entities: entities, documents: documents, relations: relations,
    typeInfo: typeInfo, state: state, docName: docName, focusNode: focusNode, setDoc: setDoc,
    enterNeighbourhood: enterNeighbourhood, selectRelation: selectRelation });
  var showEntity = sidePanel.showEntity, showRelation = sidePanel.showRelation;
  function selectRelation(rid) {
    if (edgesView.get(rid)) { network.selectEdges([rid]); }
    showRelation(rid);
  }
  network.on("click", function (params) {
    if (params.nodes.length) { highlight(params.nodes[0]); showEntity(params.nodes[0]); }
    else if (params.edges.length) { showRelation(params.edges[0]); }
  });
  network.on("doubleClick", function (params) {
    if (params.nodes.length) { enterNeighbourhood(params.nodes[0], 1); }
  });

  /* ------------------------------------------------------------------ for tests and the console */
  window.kg = {
    network: network, nodes: nodes, edges: edges, nodesView: nodesView, edgesView: edgesView, state: state,
    view: view, current: function () { return current; },
    focusNode: focusNode, findEntity: findEntity, showRelation: showRelation, refresh: refresh,
    setDoc: setDoc, setRange: setRange, setUnconnected: setUnconnected, setSizeBy: setSizeBy,
    enterNeighbourhood: enterNeighbourhood, back: back, reveal: reveal,
    publications: function () { return pubNames.slice(); },
    months: function () { return months.list.map(kgViews.monthLabel); },
    drawn: function () { return { nodes: network.body.nodeIndices.length, edges: network.body.edgeIndices.length }; },
    labelPx: function (id) {
      /* the on-screen font size of a node's label now, and whether vis-network draws it at this zoom */
      var n = network.body.nodes[id];
      if (!n) { return null; }
      return { px: n.labelModule.fontOptions.size * network.getScale(), drawn: n.labelModule.visible() };
    }
  };
})();
