// Keyboard review of the queue (like nomenklatura's): j/k move, a/x/u accept, reject or mark unsure the current
// claim (or every selected claim), space selects, e edits the selection's stage or status. Each key presses a button
// the page already has, so the page works the same without this file. A file, not an inline script: the CSP allows
// only files.
(function () {
  "use strict";
  const rows = Array.from(document.querySelectorAll("tr.claim"));
  const queue = document.getElementById("queue");
  if (!rows.length || !queue) return;
  document.getElementById("keys").hidden = false;
  const ACTIONS = { a: "accept", x: "reject", u: "unsure" };
  let current = Math.max(0, rows.findIndex((r) => "#" + r.id === location.hash));

  function show(i) {
    rows[current].classList.remove("current");
    current = Math.min(Math.max(i, 0), rows.length - 1);
    const row = rows[current];
    row.classList.add("current");
    row.focus({ preventScroll: true });
    row.scrollIntoView({ block: "nearest" });
  }

  function selected() {
    return rows.filter((r) => r.querySelector("input[type=checkbox]").checked);
  }

  function act(action) {
    // with claims selected, the bulk button acts on them all; else the current row's own button
    const button = selected().length
      ? queue.querySelector('button[value="' + action + '"]')
      : rows[current].querySelector('button[value^="' + action + ' "]');
    if (button) button.click();
  }

  rows.forEach((row, i) => {
    row.addEventListener("click", () => show(i));
    const box = row.querySelector("input[type=checkbox]");
    box.addEventListener("change", () => row.classList.toggle("selected", box.checked));
  });
  document.addEventListener("keydown", (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.target.closest("input, select, textarea, summary, button")) return;
    const key = e.key.toLowerCase();
    if (key === "j") show(current + 1);
    else if (key === "k") show(current - 1);
    else if (key === " ") {
      const box = rows[current].querySelector("input[type=checkbox]");
      box.checked = !box.checked;
      rows[current].classList.toggle("selected", box.checked);
    } else if (key === "e") {
      // the edit fields are the selection's: the current claim is selected (unless others are) and its stage asked
      const box = rows[current].querySelector("input[type=checkbox]");
      if (!selected().length) box.checked = true;
      rows[current].classList.toggle("selected", box.checked);
      queue.querySelector("select[name=stage]").focus();
    } else if (ACTIONS[key]) act(ACTIONS[key]);
    else return;
    e.preventDefault();
  });
  show(current);
})();
