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

  function keysFor(text) {
    var query = text.trim();
    if (!query) return [];
    var keys = [];
    var lowered = query.toLowerCase();
    // `x:name`, `x @name`, `instagram/name`: a platform named first.
    for (var p = 0; p < table.length; p++) {
      var platform = table[p];
      var separators = [":", " ", "/"];
      for (var s = 0; s < separators.length; s++) {
        if (lowered.indexOf(platform.id + separators[s]) === 0) {
          var rest = query.slice(platform.id.length + 1).trim().replace(/^@/, "");
          if (rest.indexOf("/") < 0) return Object.keys(platform.kinds).map(function (kind) { return key(platform, kind, rest); }).filter(Boolean);
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
    table.forEach(function (platform) {
      Object.keys(platform.kinds).forEach(function (kind) { var found = key(platform, kind, name); if (found) keys.push(found); });
    });
    return keys;
  }

  function sentence(entry) {
    var data = entry, shown = entry.shown, standing = entry.standing;
    var line = document.createElement("p");
    var label = document.createElement("span");
    label.className = "standing " + standing;
    var text;
    if (standing === "official") {
      label.textContent = "Official. ";
      text = shown + " is an official account of " + data.unit + ".";
    } else if (standing === "formerly-official") {
      label.textContent = "Formerly official. ";
      text = shown + " was an official account of " + data.unit + " until it was retired on " + data.retired + ". "
        + (data.held ? "The organisation keeps the handle so that no one else can use it; nothing should be posted from it now."
                                : "Anything posting under this handle now is not official.");
    } else {
      label.textContent = "NOT official. ";
      text = shown + " was reported as an impostor on " + data.reported + " (" + data.status + ").";
    }
    line.appendChild(label);
    line.appendChild(document.createTextNode(text + " "));
    var anchor = document.createElement("a");
    anchor.href = entry.href;
    anchor.textContent = "See it in the list";
    line.appendChild(anchor);
    return line;
  }

  function answer(text) {
    var box = document.getElementById("lookup-answer");
    box.textContent = "";
    var keys = keysFor(text), seen = new Set(), entries = [];
    keys.forEach(function (k) {
      (index.get(k) || []).forEach(function (entry) { if (!seen.has(entry)) { seen.add(entry); entries.push(entry); } });
    });
    // An impostor first: a doubtful account is never called official.
    entries.sort(function (a, b) { return (a.standing === "impostor" ? 0 : 1) - (b.standing === "impostor" ? 0 : 1); });
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
    entries.forEach(function (entry) { box.appendChild(sentence(entry)); });
  }

  var form = document.getElementById("lookup"), input = document.getElementById("lookup-query");
  form.addEventListener("submit", function (event) { event.preventDefault(); answer(input.value); });
  var asked = new URLSearchParams(location.search).get("q");
  if (asked !== null) { input.value = asked; answer(asked); }
})();
