// Herald's public directory: answers "is this account official?" in the page, from the entries Herald
// wrote into lookup-data.js and the platform table it wrote into the page. The same reading of addresses
// as `herald verify` (the platform table of Sources/HeraldCore/Platforms), without the network: nothing
// is fetched.
(function () {
  "use strict";
  var table = JSON.parse(document.getElementById("platform-table").textContent);
  // Each entry: standing, shown, unit, href, retired, held, reported, status, keys.
  var index = new Map();
  (window.HERALD_DIRECTORY || []).forEach(function (row) {
    var entry = { standing: row[0], shown: row[1], unit: row[2], href: row[3], retired: row[4], held: row[5], reported: row[6], status: row[7] };
    row[8].forEach(function (key) {
      if (!index.has(key)) index.set(key, []);
      index.get(key).push(entry);
    });
  });

  function fold(identifier, kind) {
    var value = kind.caseSensitive ? identifier : identifier.toLowerCase();
    return kind.ignoresPeriods ? value.split(".").join("") : value;
  }

  function key(platform, kindName, identifier) {
    var kind = platform.kinds[kindName];
    if (!kind) return null;
    return platform.id + (kind.stable ? "#" : ":") + fold(identifier, kind);
  }

  function serves(platform, host) {
    if (platform.hosts.length === 0) return true;
    return platform.hosts.some(function (pattern) {
      if (pattern.indexOf("*.") === 0) {
        var suffix = pattern.slice(1);
        return host.length > suffix.length && host.slice(-suffix.length) === suffix && host.slice(0, -suffix.length).indexOf(".") < 0;
      }
      return pattern === host;
    });
  }

  function decode(text) {
    try { return decodeURIComponent(text); } catch (e) { return text; }
  }

  // The identifiers an address form finds in the path segments and query: as ProfileAddress.capture.
  function capture(segments, query, form, tabs) {
    if (segments.length < form.path.length) return null;
    var identifier = null;
    for (var i = 0; i < form.path.length; i++) {
      var pattern = form.path[i], segment = segments[i];
      if (pattern === "{}") identifier = segment;
      else if (pattern === "@{}") { if (segment.charAt(0) !== "@" || segment.length < 2) return null; identifier = segment.slice(1); }
      else if (pattern === "{-id}") { var hyphen = segment.lastIndexOf("-"); if (hyphen <= 0) return null; identifier = segment.slice(hyphen + 1); }
      else if (pattern === "*") continue;
      else if (pattern.toLowerCase() !== segment.toLowerCase()) return null;
    }
    var extra = segments.slice(form.path.length);
    if (extra.length > 1 || !extra.every(function (s) { return tabs.indexOf(s.toLowerCase()) >= 0; })) return null;
    if (form.query) {
      query.split("&").forEach(function (item) {
        if (item.toLowerCase().indexOf(form.query.toLowerCase() + "=") === 0) identifier = item.slice(form.query.length + 1);
      });
    }
    return identifier ? decode(identifier) : null;
  }

  // Spaces, tabs and line breaks around the question, as `herald verify` trims them.
  function trimmed(text) { return text.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, ""); }

  // A Facebook page written as its address shows it, `City-of-Fairhaven-123456789`: its id too.
  function withPageID(platform, name) {
    var keys = Object.keys(platform.kinds).map(function (kind) { return key(platform, kind, name); }).filter(Boolean);
    var id = /-(\d+)$/.exec(name);
    if (id) {
      Object.keys(platform.kinds).forEach(function (kind) {
        if (platform.kinds[kind].stable && kind === "numeric id") { var found = key(platform, kind, id[1]); if (found) keys.push(found); }
      });
    }
    return keys;
  }

  function namesPlatform(text) {
    var query = trimmed(text).toLowerCase();
    if (query.indexOf("://") >= 0 || (query.indexOf("/") >= 0 && query.indexOf(".") >= 0)) return true;
    return table.some(function (platform) { return [":", " ", "/"].some(function (s) { return query.indexOf(platform.id + s) === 0; }); });
  }

  function keysFor(text) {
    var query = trimmed(text);
    if (!query) return [];
    var keys = [];
    var lowered = query.toLowerCase();
    // `x:name`, `x @name`, `instagram/name`: a platform named first.
    for (var p = 0; p < table.length; p++) {
      var platform = table[p];
      var separators = [":", " ", "/"];
      for (var s = 0; s < separators.length; s++) {
        if (lowered.indexOf(platform.id + separators[s]) === 0) {
          var rest = trimmed(query.slice(platform.id.length + 1)).replace(/^@/, "");
          if (rest.indexOf("/") < 0) return withPageID(platform, rest);
        }
      }
    }
    // An address, with or without its scheme.
    if (!/^https?:\/\//i.test(query) && /^[a-z0-9-]+\.[^\s]*\//i.test(query)) query = "https://" + query;
    var match = /^https?:\/\/([^\/?#]*)([^?#]*)(\?[^#]*)?(#.*)?$/i.exec(query);
    if (match) {
      var host = match[1].replace(/^.*@/, "").replace(/:\d+$/, "").replace(/\.$/, "").toLowerCase();
      var path = match[2], search = (match[3] || "").slice(1), fragment = match[4] || "";
      if (fragment.indexOf("#!/") === 0 && path.replace(/\//g, "") === "") path = fragment.slice(2);
      var segments = path.split("/").filter(function (segment) { return segment.length > 0; });
      table.forEach(function (platform) {
        if (!serves(platform, host)) return;
        for (var f = 0; f < platform.addresses.length; f++) {
          var form = platform.addresses[f];
          var identifier = capture(segments, search, form, platform.tabs);
          if (identifier === null) continue;
          if (platform.id === "mastodon" && identifier.indexOf("@") < 0) identifier = identifier + "@" + host;
          var found = key(platform, form.kind, identifier);
          if (found) keys.push(found);
        }
      });
      var others = keys.filter(function (k) { return k.indexOf("mastodon") !== 0; });
      return others.length > 0 ? others : keys;
    }
    // A bare name, with or without `@`: any platform that could have it.
    var name = query.replace(/^@/, "");
    table.forEach(function (platform) { keys = keys.concat(withPageID(platform, name)); });
    return keys;
  }

  // A sentence of words and registry values; each value in a <bdi>, so that no right-to-left override in a
  // handle or a name can turn the sentence around it.
  function sentence(entry) {
    var line = document.createElement("p");
    var label = document.createElement("span");
    label.className = "standing " + entry.standing;
    function words(text) { line.appendChild(document.createTextNode(text)); }
    function value(text) { var bdi = document.createElement("bdi"); bdi.textContent = text; line.appendChild(bdi); }
    line.appendChild(label);
    if (entry.standing === "official") {
      label.textContent = "Official. ";
      value(entry.shown); words(" is an official account of "); value(entry.unit); words(". ");
    } else if (entry.standing === "formerly-official") {
      label.textContent = "Formerly official. ";
      value(entry.shown); words(" was an official account of "); value(entry.unit); words(" until it was retired on " + entry.retired + ". "
        + (entry.held ? "The organisation keeps the handle so that no one else can use it; nothing should be posted from it now. "
                      : "Anything posting under this handle now is not official. "));
    } else if (entry.standing === "impostor") {
      label.textContent = "NOT official. ";
      value(entry.shown); words(" was reported as an impostor on " + entry.reported + " (" + entry.status + "). ");
    } else {
      label.textContent = "Cannot be confirmed. ";
      value(entry.shown); words(" is in the organisation's register but is not listed as official at the moment: ask the organisation before you trust it.");
      return line;
    }
    var anchor = document.createElement("a");
    anchor.href = entry.href;
    anchor.textContent = "See it in the list";
    line.appendChild(anchor);
    return line;
  }

  function answer(text) {
    var box = document.getElementById("lookup-answer");
    box.textContent = "";
    box.removeAttribute("data-standing");
    // Filled a moment after it was emptied, so that asking again is announced again.
    setTimeout(function () { fill(box, text); }, 30);
  }

  function fill(box, text) {
    var keys = keysFor(text), seen = new Set(), entries = [];
    keys.forEach(function (k) {
      (index.get(k) || []).forEach(function (entry) { if (!seen.has(entry)) { seen.add(entry); entries.push(entry); } });
    });
    // An impostor first: a doubtful account is never called official.
    var rank = { "impostor": 0, "official": 1, "formerly-official": 2, "unconfirmed": 3 };
    entries.sort(function (a, b) { return rank[a.standing] - rank[b.standing]; });
    if (entries.length === 0) {
      box.setAttribute("data-standing", "unknown");
      var line = document.createElement("p");
      var label = document.createElement("span");
      label.className = "standing unknown";
      label.textContent = "Not in the register. ";
      line.appendChild(label);
      line.appendChild(document.createTextNode(document.getElementById("advice").textContent));
      box.appendChild(line);
      return;
    }
    box.setAttribute("data-standing", entries[0].standing);
    if (!namesPlatform(text)) {
      var note = document.createElement("p");
      note.textContent = "A handle alone does not say which platform. Under this name the register lists:";
      box.appendChild(note);
    }
    entries.forEach(function (entry) { box.appendChild(sentence(entry)); });
  }

  var form = document.getElementById("lookup"), input = document.getElementById("lookup-query");
  form.addEventListener("submit", function (event) { event.preventDefault(); answer(input.value); });
  var asked = new URLSearchParams(location.search).get("q");
  if (asked !== null) { input.value = asked; fill(document.getElementById("lookup-answer"), asked); }
})();
