/* kg graph page, part 3: the side panel of an entity or a relation, with its documents and evidence sentences.
   kgPanel(page) takes what it needs from the page (graph.js): data, entities, documents, relations, typeInfo,
   state, docName, and the actions focusNode, setDoc, enterNeighbourhood, selectRelation. */
function kgPanel(page) {
  "use strict";
  var PANEL_DOCS = 20;  /* documents listed at first in an entity's panel */
  var $ = kgDom.$, el = kgDom.el, clear = kgDom.clear;
  var data = page.data, entities = page.entities, documents = page.documents, relations = page.relations;
  var state = page.state;

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
      onclick: function () { page.focusNode(id); } });
  }
  function docLink(i) {
    var d = documents[i];
    if (!d) { return el("span", { text: "?" }); }
    return el("button", { className: "kg-link", type: "button", text: (d.date ? d.date + " " : "") + page.docName(i),
      title: "只看这篇文档 — " + d.id, onclick: function () { page.setDoc("doc:" + i); } });
  }
  function typeBadge(type) {
    var info = page.typeInfo[type] || { label: type, color: "#9d9d9d" };
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
  function docItems(e) {
    var items = e.docs.slice(0, PANEL_DOCS).map(function (i) { return el("li", null, [docLink(i)]); });
    var rest = e.docs.length - PANEL_DOCS;
    if (rest > 0) {
      var expand = el("li", null, [el("button", { className: "kg-link", type: "button", text: "显示其余 " + rest + " 篇",
        onclick: function () {
          e.docs.slice(PANEL_DOCS).forEach(function (i) { expand.parentNode.insertBefore(el("li", null, [docLink(i)]), expand); });
          expand.parentNode.removeChild(expand);
        } })]);
      items.push(expand);
    }
    return items.concat(more(e.docs_total - e.docs.length, "li"));
  }
  function showEntity(id) {
    var e = entities[id];
    if (!e) { return; }
    var rels = data.relations.filter(function (r) { return r.source === id || r.target === id; });
    openPanel("entity", id, [
      el("h2", { text: e.label }),
      typeBadge(e.type),
      el("p", { className: "kg-meta", text: "提及 " + e.mentions + " 次 · " + rels.length + " 条关系 · id " + e.id }),
      rels.length ? el("p", { className: "kg-actions" }, ["只看邻域：",
        el("button", { type: "button", "data-depth": "1", text: "1 跳", onclick: function () { page.enterNeighbourhood(id, 1); } }),
        el("button", { type: "button", "data-depth": "2", text: "2 跳", onclick: function () { page.enterNeighbourhood(id, 2); } })])
        : el("p", { className: "kg-note", text: "本页中没有与它相连的关系" }),
      section("别名", e.aliases.map(function (a) { return el("li", { text: a }); })),
      section("文档（" + e.docs_total + "）", docItems(e)),
      section("关系（" + rels.length + "）", rels.map(function (r) {
        var out = r.source === id;
        var other = out ? r.target : r.source;
        var arrow = r.symmetric ? "↔ " : (out ? "→ " : "← ");
        return el("li", null, [
          el("button", { className: "kg-link", type: "button", text: arrow + r.label,
            onclick: function () { page.selectRelation(r.id); } }),
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
  function evidenceSource(ev) {
    var d = documents[ev.doc];
    var where = ev.start !== null ? " · 字符 " + ev.start + "–" + ev.end : "";
    if (!d) { return el("div", { className: "kg-doc", text: "文档 ?" + where }); }
    return el("div", { className: "kg-doc" }, ["文档 ", docLink(ev.doc), where]);
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
          evidenceSource(ev)
        ]);
      }).concat(more(r.evidence_total - r.evidence.length, "p")))
    ]);
  }
  return { showEntity: showEntity, showRelation: showRelation };
}
