// Draws the neighbourhood of a body or person with Cytoscape.js: the
// element #graph names the JSON to draw in data-src; #graph-year filters it
// by year. Clicking a node opens its page. The drawing is kept in
// window.akgGraph, with the JSON it drew in window.akgGraphData.
(function () {
  "use strict";
  var box = document.getElementById("graph");
  if (!box || typeof cytoscape !== "function") { return; }
  var select = document.getElementById("graph-year");
  function draw(year) {
    var url = box.getAttribute("data-src") + (year ? "?year=" + encodeURIComponent(year) : "");
    fetch(url, { headers: { Accept: "application/json" } })
      .then(function (r) { if (!r.ok) { throw new Error(url + ": " + r.status); } return r.json(); })
      .then(function (g) {
        var max = 1;
        g.edges.forEach(function (e) { if (e.weight > max) { max = e.weight; } });
        var els = g.nodes.map(function (n) { return { group: "nodes", data: n }; })
          .concat(g.edges.map(function (e) { return { group: "edges", data: e }; }));
        if (window.akgGraph) { window.akgGraph.destroy(); }
        var cy = cytoscape({
          container: box,
          elements: els,
          maxZoom: 1.3,
          minZoom: 0.2,
          style: [
            { selector: "node", style: { "label": "data(label)", "font-size": 11, "text-background-color": "#ffffff", "text-background-opacity": 0.8, "text-valign": "bottom", "text-margin-y": 3,
              "width": 18, "height": 18, "background-color": "#0b5cad" } },
            { selector: "node[kind = 'body']", style: { "shape": "round-rectangle", "background-color": "#d98e04" } },
            { selector: "node[?centre]", style: { "width": 30, "height": 30, "font-weight": "bold" } },
            { selector: "edge", style: { "width": "mapData(weight, 1, " + max + ", 1, 9)", "line-color": "#9aa5b8", "curve-style": "straight" } }
          ],
          layout: { name: "concentric", concentric: function (n) { return n.data("centre") ? 2 : 1; }, levelWidth: function () { return 1; }, minNodeSpacing: 70, padding: 40, animate: false }
        });
        cy.on("tap", "node", function (ev) {
          var href = ev.target.data("href");
          if (href) { window.location.assign(href); }
        });
        window.akgGraph = cy;
        window.akgGraphData = g;
      })
      .catch(function (err) { box.textContent = "The drawing could not be loaded: " + err.message; });
  }
  if (select) { select.addEventListener("change", function () { draw(select.value); }); }
  draw("");
})();
