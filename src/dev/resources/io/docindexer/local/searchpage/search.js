// The local search page. Everything a document brings (names, keys, snippets) is untrusted: it
// reaches the page as text nodes only. The one markup a snippet carries is the highlighter's
// <em>...</em>, around text the highlighter has HTML-escaped; those marks become <mark> elements.
"use strict";

const PAGE_SIZE = 10;
const TYPES = {
  pdf: ["pdf"],
  image: ["jpg", "jpeg", "png", "tif", "tiff", "gif", "bmp", "webp", "pbm", "pgm", "ppm"],
  text: ["txt", "csv", "tsv", "md", "json", "xml", "html", "htm", "log"],
  office: ["doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp", "rtf"],
};
// Typing pauses this long before a search runs; Enter runs it at once.
const TYPING_PAUSE_MS = 300;

const form = document.getElementById("search");
const fields = {
  q: document.getElementById("q"),
  type: document.getElementById("type"),
  status: document.getElementById("status"),
  prefix: document.getElementById("prefix"),
};
const summary = document.getElementById("summary");
const results = document.getElementById("results");
const pager = document.getElementById("pager");

let from = 0;
let typingTimer = null;
let latestRequest = 0;

/** The state the address holds, so that a result list can be linked and Back works. */
function readAddress() {
  const params = new URLSearchParams(location.search);
  for (const [name, field] of Object.entries(fields)) {
    field.value = params.get(name) || "";
  }
  from = Math.max(0, parseInt(params.get("from") || "0", 10) || 0);
}

function addressParams() {
  const params = new URLSearchParams();
  for (const [name, field] of Object.entries(fields)) {
    if (field.value.trim() !== "") {
      params.set(name, field.value.trim());
    }
  }
  if (from > 0) {
    params.set("from", String(from));
  }
  return params;
}

function apiParams() {
  const params = new URLSearchParams({ q: fields.q.value.trim(), from: String(from), size: String(PAGE_SIZE) });
  for (const extension of TYPES[fields.type.value] || []) {
    params.append("ext", extension);
  }
  if (fields.status.value) {
    params.set("status", fields.status.value);
  }
  if (fields.prefix.value.trim()) {
    params.set("prefix", fields.prefix.value.trim());
  }
  return params;
}

async function search(history) {
  clearTimeout(typingTimer);
  const query = fields.q.value.trim();
  const address = addressParams();
  const url = address.toString() ? "?" + address : location.pathname;
  if (history === "push" && url !== location.search) {
    window.history.pushState(null, "", url);
  } else if (history === "replace") {
    window.history.replaceState(null, "", url);
  }
  if (query === "") {
    showSummary("", false);
    results.replaceChildren();
    pager.hidden = true;
    return;
  }
  const request = ++latestRequest;
  showSummary("Searching…", false);
  let answer;
  try {
    const response = await fetch("/api/search?" + apiParams());
    answer = await response.json();
    if (!response.ok) {
      throw new Error(answer.error || "the search failed (" + response.status + ")");
    }
  } catch (failure) {
    if (request === latestRequest) {
      showSummary(failure.message, true);
      results.replaceChildren();
      pager.hidden = true;
    }
    return;
  }
  if (request === latestRequest) {
    render(query, answer);
  }
}

function showSummary(text, isError) {
  summary.textContent = text;
  summary.classList.toggle("error", isError);
}

function render(query, answer) {
  const shown = answer.hits.length;
  showSummary(
    answer.total === 0
      ? "No file matches “" + query + "”."
      : answer.total + (answer.total === 1 ? " file" : " files") + " match “" + query + "”" +
        (answer.total > shown ? ", " + (from + 1) + "–" + (from + shown) + " shown" : "") + ".",
    false);
  results.replaceChildren(...answer.hits.map(renderHit));
  pager.hidden = answer.total <= PAGE_SIZE;
  document.getElementById("previous").disabled = from === 0;
  document.getElementById("next").disabled = from + shown >= answer.total;
  document.getElementById("position").textContent =
    "page " + (Math.floor(from / PAGE_SIZE) + 1) + " of " + Math.ceil(answer.total / PAGE_SIZE);
}

function renderHit(hit) {
  const item = element("li", "hit");
  const firstPage = hit.pages.length > 0 ? hit.pages[0].number : null;

  const thumbnail = element("a", "thumbnail");
  thumbnail.href = fileLink(hit, firstPage);
  thumbnail.target = "_blank";
  thumbnail.rel = "noopener";
  if (hit.thumbnailKey) {
    const image = element("img");
    image.alt = "";
    image.src = "/thumbnails/" + encodeKey(hit.thumbnailKey);
    thumbnail.append(image);
  } else {
    thumbnail.append(element("span", "type", hit.extension || "file"));
  }

  const details = element("div", "details");
  const name = element("a", "name", hit.fileName);
  name.href = fileLink(hit, firstPage);
  name.target = "_blank";
  name.rel = "noopener";
  details.append(name, element("div", "key", hit.key), facts(hit));

  const pages = element("ol", "pages");
  if (hit.pages.length > 0) {
    for (const page of hit.pages) {
      const line = element("li");
      const number = element("a", "page-number", "page " + page.number);
      number.href = fileLink(hit, page.number);
      number.target = "_blank";
      number.rel = "noopener";
      line.append(number, snippet(page.snippets[0] || ""));
      pages.append(line);
    }
  } else {
    // A document reindexed from index version 1 and not ingested since: text without pages.
    for (const text of hit.snippets) {
      const line = element("li");
      line.append(snippet(text));
      pages.append(line);
    }
  }
  details.append(pages);
  item.append(thumbnail, details);
  return item;
}

function facts(hit) {
  const facts = element("div", "facts");
  const status = element("span", "status " + hit.status,
    hit.status === "metadata-only" ? "metadata-only: " + (hit.reason || "no text") : hit.status);
  facts.append(status, element("span", "size", readableSize(hit.size)));
  if (hit.lastModified) {
    const modified = element("time", "modified", new Date(hit.lastModified).toLocaleString());
    modified.dateTime = hit.lastModified;
    facts.append(modified);
  }
  return facts;
}

/** The file from the local S3; a PDF opens at the page (the viewer reads #page=N). */
function fileLink(hit, page) {
  const link = "/files/" + encodeKey(hit.key);
  return hit.extension === "pdf" && page ? link + "#page=" + page : link;
}

/** Each segment encoded on its own, so that "/" stays a separator and "+", "%", "#" stay themselves. */
function encodeKey(key) {
  return key.split("/").map(encodeURIComponent).join("/");
}

/**
 * A snippet as text with its matches marked. The highlighter escaped the text and put <em> around
 * each match (around each CJK bigram separately, so adjacent marks are joined first); a "<em>" in
 * the document itself arrives escaped, so splitting on the literal tags is exact.
 */
function snippet(html) {
  const container = element("span", "snippet");
  const parts = html.replaceAll("</em><em>", "").split(/(<em>|<\/em>)/);
  let marked = false;
  for (const part of parts) {
    if (part === "<em>" || part === "</em>") {
      marked = part === "<em>";
    } else if (part !== "") {
      const text = unescapeHtml(part).replace(/\s+/g, " ");
      container.append(marked ? element("mark", null, text) : document.createTextNode(text));
    }
  }
  return container;
}

/** Undoes the highlighter's HTML encoding (Lucene's: & < > " ' / and numeric references). */
function unescapeHtml(text) {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (whole, name) => {
    switch (name) {
      case "amp": return "&";
      case "lt": return "<";
      case "gt": return ">";
      case "quot": return "\"";
      case "apos": return "'";
      default: {
        const code = name[1] === "x" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return String.fromCodePoint(code);
      }
    }
  });
}

function readableSize(bytes) {
  if (bytes < 1024) {
    return bytes + " B";
  }
  const units = ["KB", "MB", "GB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return (value < 10 ? value.toFixed(1) : Math.round(value)) + " " + units[unit];
}

function element(tag, className, text) {
  const created = document.createElement(tag);
  if (className) {
    created.className = className;
  }
  if (text !== undefined) {
    created.textContent = text;
  }
  return created;
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  from = 0;
  search("push");
});
// Search as the words are typed, but never on half-composed Japanese: while an input method is
// composing (かな before it becomes 漢字), input events carry isComposing and are left alone; the
// search runs once the composition is committed.
fields.q.addEventListener("input", (event) => {
  if (event.isComposing) {
    return;
  }
  scheduleSearch();
});
fields.q.addEventListener("compositionend", scheduleSearch);
for (const filter of [fields.type, fields.status]) {
  filter.addEventListener("change", () => {
    from = 0;
    search("push");
  });
}
fields.prefix.addEventListener("change", () => {
  from = 0;
  search("push");
});
document.getElementById("previous").addEventListener("click", () => {
  from = Math.max(0, from - PAGE_SIZE);
  search("push");
});
document.getElementById("next").addEventListener("click", () => {
  from += PAGE_SIZE;
  search("push");
});
window.addEventListener("popstate", () => {
  readAddress();
  search(null);
});

function scheduleSearch() {
  clearTimeout(typingTimer);
  typingTimer = setTimeout(() => {
    from = 0;
    search("replace");
  }, TYPING_PAUSE_MS);
}

readAddress();
search(null);
