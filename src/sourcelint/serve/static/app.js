// sourcelint serve: lint the draft a moment after typing stops, or open a listed file.
// Plain script, no framework, nothing from another site. Text from a draft or a file is
// only ever set as text; the results' HTML comes escaped from the server.
"use strict";

(function () {
  const DEBOUNCE_MS = 300;
  const draft = document.getElementById("draft");
  const name = document.getElementById("name");
  const format = document.getElementById("format");
  const status = document.getElementById("status");
  const report = document.getElementById("report");
  const fileList = document.getElementById("files");
  const filesNote = document.getElementById("files-note");
  const edit = document.getElementById("edit");

  // Each request takes the next number; an answer that is not the latest one's is
  // dropped, so a slow, stale lint never overwrites a newer one.
  let latest = 0;
  let timer = null;
  let opened = null; // the file last opened: {path, text}

  function say(message, isError) {
    status.textContent = message;
    status.classList.toggle("error", Boolean(isError));
  }

  function plural(count) {
    return count === 1 ? "1 finding" : count + " findings";
  }

  function show(html) {
    // A template parses without running anything; the server escaped every string.
    const template = document.createElement("template");
    template.innerHTML = html;
    report.replaceChildren(template.content);
  }

  // Sends a lint request; ``done`` gets the answer when it is the latest and succeeded.
  async function request(url, init, done) {
    const mine = ++latest;
    say("Linting…");
    let data;
    let ok = false;
    try {
      const response = await fetch(url, init);
      ok = response.ok;
      data = await response.json();
    } catch (error) {
      data = { error: "the server did not answer (is sourcelint serve still running?)" };
    }
    if (mine !== latest) {
      return; // a newer request was sent meanwhile
    }
    if (!ok) {
      say("Error: " + (data && data.error ? data.error : "unknown"), true);
      return;
    }
    show(data.html);
    say(data.path + ": " + plural(data.findings));
    if (done) {
      done(data);
    }
  }

  function lintDraft() {
    clearTimeout(timer);
    markOpened(null);
    request("/api/lint", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ text: draft.value, name: name.value.trim() || "draft.md" }),
    });
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(lintDraft, DEBOUNCE_MS);
  }

  function openFile(path) {
    clearTimeout(timer);
    markOpened(path);
    request("/api/file?path=" + encodeURIComponent(path), undefined, (data) => {
      opened = { path: data.path, text: data.text };
      edit.hidden = false;
    });
  }

  // Marks the file shown in the results (none for the draft); its copy can be edited
  // once it has been linted.
  function markOpened(path) {
    for (const button of fileList.querySelectorAll("button")) {
      button.setAttribute("aria-current", String(button.dataset.path === path));
    }
    opened = null;
    edit.hidden = true;
  }

  function suffixOf(value) {
    const match = /\.[^./]*$/.exec(value);
    return match ? match[0].toLowerCase() : "";
  }

  function syncFormat() {
    const suffix = suffixOf(name.value);
    const known = { ".md": ".md", ".markdown": ".md", ".txt": ".txt", ".html": ".html", ".htm": ".html" };
    if (known[suffix]) {
      format.value = known[suffix];
    }
  }

  async function listFiles() {
    let data;
    try {
      const response = await fetch("/api/files");
      data = await response.json();
      if (!response.ok) {
        throw new Error(data.error);
      }
    } catch (error) {
      filesNote.textContent = "Could not list the files: " + error.message;
      return;
    }
    fileList.replaceChildren();
    for (const path of data.files) {
      const button = document.createElement("button");
      button.type = "button";
      button.dataset.path = path;
      button.textContent = path;
      button.addEventListener("click", () => openFile(path));
      const item = document.createElement("li");
      item.append(button);
      fileList.append(item);
    }
    const notes = [data.files.length === 0 ? "No lintable files here." : data.files.length + " files."];
    for (const error of data.errors) {
      notes.push(error);
    }
    filesNote.textContent = notes.join(" ");
  }

  draft.addEventListener("input", later);
  draft.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      lintDraft();
    }
  });
  name.addEventListener("input", () => {
    syncFormat();
    later();
  });
  format.addEventListener("change", () => {
    const current = name.value.trim() || "draft.md";
    const stem = suffixOf(current) ? current.slice(0, -suffixOf(current).length) : current;
    name.value = stem + format.value;
    lintDraft();
  });
  edit.addEventListener("click", () => {
    if (!opened) {
      return;
    }
    draft.value = opened.text;
    name.value = opened.path;
    syncFormat();
    draft.focus();
    lintDraft();
  });

  listFiles();
})();
