/* kg graph page, part 1: DOM helpers. Text from the data goes in with textContent or as text nodes, never as markup. */
var kgDom = (function () {
  "use strict";
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
  return { readJson: readJson, $: $, el: el, clear: clear, norm: norm };
})();
