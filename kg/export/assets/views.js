/* kg graph page, part 2: which entities and relations a view shows, and where the page puts entities that
   have no relation in it. Pure functions over the page's data: no DOM, no vis-network. */
var kgViews = (function () {
  "use strict";

  /* A date as a span of months counted from year 0: "2024-05-13" and "2024-05" -> [m, m], "2024" -> the twelve
     months of 2024, "2024年5月" as "2024-05". Anything else -> null. */
  function monthSpan(date) {
    var m = /^(\d{4})(?:\s*[-/.年]\s*(\d{1,2}))?/.exec(String(date || "").trim());
    if (!m) { return null; }
    var year = Number(m[1]) * 12, month = m[2] ? Number(m[2]) : 0;
    if (month >= 1 && month <= 12) { return [year + month - 1, year + month - 1]; }
    return [year, year + 11];
  }
  function monthLabel(k) {
    var month = (k % 12) + 1;
    return Math.floor(k / 12) + "-" + (month < 10 ? "0" : "") + month;
  }
  function overlaps(span, range) { return !!span && span[0] <= range[1] && span[1] >= range[0]; }

  /* {id: distance} of the entities within `depth` relations of `start`, either direction. */
  function neighbourhood(relations, start, depth) {
    var adj = {};
    relations.forEach(function (r) {
      (adj[r.source] = adj[r.source] || []).push(r.target);
      (adj[r.target] = adj[r.target] || []).push(r.source);
    });
    var dist = {}, frontier = [start];
    dist[start] = 0;
    for (var d = 1; d <= depth; d++) {
      var next = [];
      frontier.forEach(function (id) {
        (adj[id] || []).forEach(function (other) {
          if (!(other in dist)) { dist[other] = d; next.push(other); }
        });
      });
      frontier = next;
    }
    return dist;
  }

  /* What a view shows. `v`: entities, relations (each with a precomputed `span`), documents (each with
     `span`), typeOn, relationOn, range ([lo, hi] months or null), docs ({index: true} or null), focus
     ({id, depth} or null), unconnected (draw entities without relations in the view), revealed ({id: true}).
     Returns nodes {id: "linked" | "loose"}, edges {relation id: true}, and their counts. */
  function compute(v) {
    var entities = v.entities, nodes = {}, edges = {}, kept = [];
    function typeOk(id) { var e = entities[id]; return !!e && v.typeOn[e.type] !== false; }
    function docOk(docs) {
      if (!v.docs) { return true; }
      for (var i = 0; i < docs.length; i++) { if (v.docs[docs[i]]) { return true; } }
      return false;
    }
    function entityDateOk(e) {
      if (!v.range) { return true; }
      for (var i = 0; i < e.docs.length; i++) { if (overlaps(v.documents[e.docs[i]].span, v.range)) { return true; } }
      return false;
    }
    v.relations.forEach(function (r) {
      if (v.relationOn[r.relation] === false || !typeOk(r.source) || !typeOk(r.target)) { return; }
      if (v.range && !overlaps(r.span, v.range)) { return; }
      if (!docOk(r.docs)) { return; }
      kept.push(r);
    });
    if (v.focus) {
      var near = neighbourhood(kept, v.focus.id, v.focus.depth);
      kept = kept.filter(function (r) { return r.source in near && r.target in near; });
    }
    kept.forEach(function (r) { edges[r.id] = true; nodes[r.source] = "linked"; nodes[r.target] = "linked"; });
    if (v.focus) {
      if (!nodes[v.focus.id] && entities[v.focus.id]) { nodes[v.focus.id] = "loose"; }
    } else {
      Object.keys(entities).forEach(function (id) {
        if (nodes[id]) { return; }
        var e = entities[id];
        if (v.revealed[id] || (v.unconnected && typeOk(id) && docOk(e.docs) && entityDateOk(e))) { nodes[id] = "loose"; }
      });
    }
    return { nodes: nodes, edges: edges, edgeCount: kept.length, nodeCount: Object.keys(nodes).length };
  }

  /* Positions for `ids` in rows below the box {minX, maxX, maxY} (or around the origin without one), in
     the order given, `spacing` apart. */
  function grid(ids, box, spacing) {
    var out = {};
    if (!ids.length) { return out; }
    var width = box ? Math.max(box.maxX - box.minX, spacing) : 0;
    var cols = Math.max(Math.ceil(Math.sqrt(ids.length)), Math.floor(width / spacing), 1);
    cols = Math.min(cols, ids.length);
    var left = box ? (box.minX + box.maxX) / 2 - (cols - 1) * spacing / 2 : -(cols - 1) * spacing / 2;
    var top = box ? box.maxY + 2 * spacing : 0;
    ids.forEach(function (id, i) {
      out[id] = { x: Math.round(left + (i % cols) * spacing), y: Math.round(top + Math.floor(i / cols) * spacing) };
    });
    return out;
  }

  /* vis-network's customScalingFunction on a log scale: node values run from 1 to thousands of mentions. */
  function logScale(min, max, total, value) {
    if (max <= min) { return 0.5; }
    var lo = Math.log(Math.max(min, 1)), hi = Math.log(Math.max(max, 1));
    if (hi <= lo) { return 0.5; }
    return Math.max(0, Math.min(1, (Math.log(Math.max(value, 1)) - lo) / (hi - lo)));
  }

  return { monthSpan: monthSpan, monthLabel: monthLabel, overlaps: overlaps, neighbourhood: neighbourhood,
           compute: compute, grid: grid, logScale: logScale };
})();
