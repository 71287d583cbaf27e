// Filters the routes table as the user types; opens a route's detail when its link is followed.
(function () {
  "use strict";
  var input = document.getElementById("route-filter");
  var rows = document.querySelectorAll("#routes-table tbody tr");
  if (input) {
    input.addEventListener("input", function () {
      var needle = input.value.toLowerCase();
      for (var i = 0; i < rows.length; i++) {
        var row = rows[i];
        row.style.display = row.textContent.toLowerCase().indexOf(needle) >= 0 ? "" : "none";
      }
    });
  }
  function openTarget() {
    if (!location.hash) {
      return;
    }
    var target = document.getElementById(decodeURIComponent(location.hash.substring(1)));
    if (target && target.tagName === "DETAILS") {
      target.open = true;
    }
  }
  window.addEventListener("hashchange", openTarget);
  openTarget();
})();
