#!/usr/bin/env python3
"""Write a large synthetic Herald inventory (format v1) for benchmarks and load tests.

    python3 Scripts/generate-inventory.py OUTDIR --accounts N [--seed S] [--as-of YYYY-MM-DD]
                                          [--units U] [--people P] [--failure-rate F]
                                          [--shape ordinary|messy|adoption] [--force]

Writes OUTDIR/Inventory/{herald.yaml, people.yaml, units/, accounts/} and, next to it (outside the
inventory), OUTDIR/expected-findings.tsv: one line per deliberately broken file with the Herald rule
it should trip.

The output depends only on the arguments: one seeded random generator, no wall clock, no hash-order
iteration. Dates are placed relative to --as-of (default 2026-11-24), so audit with
`herald audit --inventory OUTDIR/Inventory --as-of 2026-11-24` for the expected counts.

Shape with --accounts 100000 (defaults scale with N): 2,000 units in two levels (100 departments
with 19 divisions each), 20,000 people (about 5% inactive), account files of about 340 bytes spread
unevenly over units and over the nine platforms. About 95% of accounts pass every rule; the rest
each break one rule: schema (unknown key, bad date, former platform name, bad status), unit-known,
bio-states-office, owner-assigned, unit-standards, review-current, duplicate-account, two-factor,
credentials-vaulted, dormant-account, no-secrets and waiver-expired. Passing accounts carry what the
governance rules ask (two_factor, credentials, last_post; policy_acknowledged for people, an escalation
contact on top-level units), with handles and bios within their platform's limits.

--shape changes how broken the registry is (issue 13 measures the cost per finding on each):
- ordinary (the default): as above, about 6% of accounts failing; expected-findings.tsv is exact.
- messy: registries as they usually are, 2 to 3 findings per account: every account's review is
  overdue, seven in ten bios do not name their unit, and half the accounts break one more rule as
  above (duplicates, handles out of pattern, ...). expected-findings.tsv lists only the injected rule.
- adoption: a registry that does not yet record what the governance rules ask: every account file holds
  only platform, handle, url, unit, name and status (about 8 findings per account: owners, bio, review,
  two-factor, vault, last post, ...). expected-findings.tsv is not written.
Uses only the Python standard library.
"""

import argparse
import datetime as dt
import os
import random
import shutil
import sys
import unicodedata

ORGANISATION = "State of Fairhaven"
DOMAIN = "fairhaven.gov"
MASTODON_HOST = "social.fairhaven.gov"

PLATFORMS = ["x", "facebook", "instagram", "youtube", "linkedin", "tiktok", "threads", "bluesky", "mastodon"]
PLATFORM_WEIGHTS = [20, 20, 18, 9, 8, 7, 6, 7, 5]
FORMER_NAMES = {"x": "twitter", "facebook": "fb", "instagram": "ig", "bluesky": "bsky"}

# (topic, handle abbreviation)
TOPICS = [
    ("Transportation", "DOT"), ("Public Health", "Health"), ("Parks and Recreation", "Parks"),
    ("Libraries", "Library"), ("Police", "Police"), ("Fire and Rescue", "Fire"), ("Water", "Water"),
    ("Housing", "Housing"), ("Planning", "Planning"), ("Finance", "Finance"), ("Education", "Schools"),
    ("Environment", "Env"), ("Arts and Culture", "Arts"), ("Tourism", "Visit"),
    ("Economic Development", "Econ"), ("Emergency Management", "Ready"), ("Veterans Affairs", "Vets"),
    ("Elections", "Votes"), ("Labor", "Labor"), ("Agriculture", "Ag"), ("Energy", "Energy"),
    ("Ports", "Ports"), ("Aviation", "Airport"), ("Corrections", "DOC"), ("Courts", "Courts"),
    ("Human Services", "HHS"), ("Child Services", "Kids"), ("Aging", "Aging"), ("Public Works", "DPW"),
    ("Sanitation", "Clean"), ("Technology", "Tech"), ("Human Resources", "HR"), ("Procurement", "Buy"),
    ("Revenue", "Tax"), ("Licensing", "License"), ("Consumer Protection", "Consumer"),
    ("Natural Resources", "DNR"), ("Wildlife", "Wildlife"), ("Forestry", "Forests"),
    ("Coastal Management", "Coast"), ("Historic Preservation", "History"), ("Museums", "Museums"),
    ("Sports", "Sports"), ("Youth Services", "Youth"), ("Immigrant Affairs", "Welcome"),
    ("Disability Services", "Access"), ("Mental Health", "MindHealth"), ("Animal Services", "Animals"),
    ("Transit", "Transit"), ("Highways", "Roads"),
]
ROOT_FORMS = ["Department of {t}", "Office of {t}", "{t} Commission", "{t} Authority", "{t} Board"]
# (division, handle abbreviation)
DIVISIONS = [
    ("Community Outreach", "Outreach"), ("Field Operations", "Ops"), ("Permits", "Permits"),
    ("Inspections", "Inspect"), ("Youth Programs", "YouthPrograms"), ("Public Information", "Info"),
    ("Training Academy", "Academy"), ("Research and Statistics", "Data"), ("Volunteer Services", "Volunteer"),
    ("Special Events", "Events"), ("Grants Management", "Grants"), ("Customer Service", "Help"),
    ("Northern District", "North"), ("Southern District", "South"), ("Eastern District", "East"),
    ("Western District", "West"), ("Central District", "Central"), ("Harbor District", "Harbor"),
    ("Recruitment", "Jobs"), ("Safety and Compliance", "Safety"), ("Planning and Policy", "Policy"),
    ("Capital Projects", "Projects"), ("Education Programs", "Learn"), ("Emergency Response", "Response"),
    ("Facilities", "Facilities"), ("Visitor Services", "Visitors"), ("Partnerships", "Partners"),
    ("Innovation Lab", "Lab"), ("Senior Services", "Seniors"), ("Family Services", "Families"),
    ("Sustainability", "Green"), ("Workforce Development", "Workforce"), ("Records", "Records"),
    ("Language Access", "Languages"), ("Neighborhood Services", "Neighbors"), ("Digital Services", "Digital"),
]
ALWAYS_ARCHIVED = {"Police", "Courts", "Elections", "Emergency Management", "Corrections"}
PHRASES = [
    "Not monitored 24/7.", "In an emergency, call 911.", "Terms of use: fairhaven.gov/social",
    "Follows and likes are not endorsements.", "Comments are moderated.", "Se habla español.",
]
TAGLINES = [
    "News and events.", "Alerts and closures.", "Programs and deadlines.", "Updates for residents.",
    "Public notices and jobs.", "Tips and community news.", "Service changes.", "",
]
BIO_FORMS = ["Official account of the {m}{w}.", "The official {m} account{w}.", "{m}{w}: official account.",
             "Run by the {m}{w}."]
OFF_MESSAGE_BIOS = [
    "Fun in the sun!", "Your weekend starts here.", "Good news only.", "We love this place.",
    "Come say hi!", "Making things better, one day at a time.", "Stay tuned!", "Photos, stories and more.",
]
ARCHIVERS = ["ArchiveSocial", "Smarsh", "Pagefreezer", "MirrorWeb"]
FIRST = ["Jane", "Alex", "Maria", "Daniel", "Kemi", "Linh", "Rosa", "Marco", "Tom", "Sara", "Megan",
         "Takeshi", "Greg", "Elena", "Hyun", "Jamie", "Yetunde", "Nia", "Raj", "Carla", "Lauren", "Omar",
         "Vincent", "Dan", "Anna", "José", "Patrick", "Ben", "Ines", "Chris", "Aisha", "Bruno", "Chloé",
         "Dmitri", "Emeka", "Fatima", "Gabriel", "Hana", "Ivan", "Jun", "Kwame", "Leila", "Mateo", "Noor",
         "Olga", "Pedro", "Quinn", "Ravi", "Sofia", "Tariq", "Uma", "Viktor", "Wen", "Ximena", "Yusuf",
         "Zoë", "Amir", "Beatriz", "Cormac", "Deepa", "Erik", "Femi", "Grace", "Hugo", "Ingrid", "Jonah",
         "Kai", "Lucia", "Malik", "Nadia", "Oscar", "Priya", "Rafael", "Selin", "Theo", "Valentina",
         "Will", "Yara", "Zane", "Ada", "Bilal", "Celeste", "Diego", "Esther", "Farah", "Gus"]
LAST = ["Doe", "Smith", "Whitfield", "Rosen", "Okafor", "Nguyen", "Garcia", "Lopez", "Brooks", "Chen",
        "O'Keefe", "Nakamura", "Foster", "Alvarez", "Park", "Morrison", "Adeyemi", "Williams", "Patel",
        "Duarte", "Kim", "Saleh", "Bernard", "Murphy", "Kowalski", "Reyes", "Walsh", "Thompson", "Hassan",
        "Campbell", "Ahmed", "Baker", "Castillo", "Dubois", "Eriksen", "Fischer", "González", "Haddad",
        "Ivanova", "Jensen", "Kaur", "Larsen", "Mensah", "Novak", "Oliveira", "Petrov", "Quispe", "Rossi",
        "Schmidt", "Tanaka", "Usman", "Varga", "Wang", "Xu", "Yilmaz", "Zhang", "Abbott", "Bianchi",
        "Cohen", "Diaz", "Evans", "Flores", "Gupta", "Huang", "Iyer", "Jackson", "Khan", "Lee", "Müller",
        "Nowak", "Ortiz", "Phillips", "Ramos", "Singh", "Torres", "Ueda", "Vasquez", "Wright", "Young",
        "Ziegler", "Moreau", "Silva", "Fernandes", "Brennan", "MacLeod", "Lindqvist", "Horvat", "Sato"]


def slug(text):
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    out, dash = [], False
    for ch in text:
        if ch.isalnum():
            out.append(ch)
            dash = False
        elif not dash and out:
            out.append("-")
            dash = True
    return "".join(out).strip("-")


def ascii_word(text):
    return "".join(ch for ch in unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower() if ch.isalnum())


def quoted(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


class Unit:
    __slots__ = ("id", "name", "aliases", "parent", "stem", "maintainers", "standards", "eff", "people",
                 "inactive", "children", "weight")

    def __init__(self, uid, name, aliases, parent, stem):
        self.id, self.name, self.aliases, self.parent, self.stem = uid, name, aliases, parent, stem
        self.maintainers, self.standards, self.people, self.inactive, self.children = [], {}, [], [], []
        self.eff = None
        self.weight = 1.0


def effective(unit, org_standards):
    """Effective standards as Herald computes them: nearest value wins, bio_must_include accumulates."""
    chain = []
    u = unit
    while u is not None:
        chain.append(u)
        u = u.parent
    eff = {"min_owners": 2, "review_every_days": 365, "platforms": None, "handle_pattern": None,
           "bio_must_include": [], "require_archiving": False}
    for level in [org_standards] + [u.standards for u in reversed(chain)]:
        for key, value in level.items():
            if key == "bio_must_include":
                eff[key] = eff[key] + [p for p in value if p not in eff[key]]
            else:
                eff[key] = value
    return eff


def build_units(rng, n_units):
    n_roots = max(2, min(n_units // 2, round(n_units / 20)))
    units, ids = [], set()
    roots = []
    for i in range(n_roots):
        topic, abbr = TOPICS[i % len(TOPICS)]
        form = (i // len(TOPICS)) % len(ROOT_FORMS)
        round_no = i // (len(TOPICS) * len(ROOT_FORMS))
        name = ROOT_FORMS[form].format(t=topic) + (f" Region {round_no + 1}" if round_no else "")
        uid = slug(topic) + ("-" + slug(ROOT_FORMS[form].replace("{t}", "")) if form else "") + (f"-r{round_no + 1}" if round_no else "")
        stem = ["Fairhaven", abbr] + ([f"R{round_no + 1}"] if round_no else []) + (
            [["", "Ofc", "Comm", "Auth", "Bd"][form]] if form else [])
        stem = [s for s in stem if s]
        aliases = [f"Fairhaven {topic}"] + ([f"Fairhaven {abbr}"] if abbr.upper() == abbr and len(abbr) > 1 else [])
        if round_no:
            aliases = [f"{a} Region {round_no + 1}" for a in aliases]
        u = Unit(uid, name, aliases, None, stem)
        ids.add(uid)
        units.append(u)
        roots.append((u, topic, abbr))
    # Divisions, round-robin over departments so every department gets about the same number.
    per_root = [0] * n_roots
    for j in range(n_units - n_roots):
        r = j % n_roots
        root, topic, abbr = roots[r]
        k = per_root[r]
        per_root[r] += 1
        div, dabbr = DIVISIONS[k % len(DIVISIONS)]
        extra = k // len(DIVISIONS)
        suffix = f" {extra + 1}" if extra else ""
        name = f"{topic} {div}{suffix}"
        uid = slug(f"{root.id} {dabbr}{suffix}")
        while uid in ids:
            uid += "-x"
        ids.add(uid)
        stem = root.stem + [dabbr] + ([str(extra + 1)] if extra else [])
        aliases = [f"{root.aliases[0]} {div}{suffix}"]
        u = Unit(uid, name, aliases, root, stem)
        root.children.append(u)
        units.append(u)
    return units


def set_standards(rng, units):
    for u in units:
        st = {}
        topic_root = u if u.parent is None else u.parent
        if u.parent is None:
            if any(topic_root.name.endswith(t) or f" {t} " in f" {topic_root.name} " for t in ALWAYS_ARCHIVED) or rng.random() < 0.12:
                st["require_archiving"] = True
            if rng.random() < 0.25:
                st["bio_must_include"] = [PHRASES[rng.randrange(len(PHRASES))]]
            if rng.random() < 0.12:
                st["handle_pattern"] = "^[Ff]airhaven"
            if rng.random() < 0.10:
                st["review_every_days"] = 180
            if rng.random() < 0.06:
                st["min_owners"] = 3
            if rng.random() < 0.10:
                st["platforms"] = ["x", "facebook", "instagram", "youtube", "linkedin"]
        else:
            if rng.random() < 0.10:
                inherited = u.parent.standards.get("bio_must_include", [])
                choices = [p for p in PHRASES if p not in inherited]
                st["bio_must_include"] = [choices[rng.randrange(len(choices))]]
            if rng.random() < 0.05:
                st["handle_pattern"] = "^[Ff]airhaven"
            if rng.random() < 0.05:
                st["review_every_days"] = [90, 180, 730][rng.randrange(3)]
            if rng.random() < 0.05:
                st["platforms"] = ["x", "facebook", "instagram"]
            if rng.random() < 0.04:
                st["require_archiving"] = True
            if rng.random() < 0.03:
                st["min_owners"] = 3
        u.standards = st


def build_people(rng, units, n_people):
    people = []  # (id, name, email, unit, active)
    ids, emails = set(), set()
    n_units = len(units)
    for i in range(n_people):
        first = FIRST[rng.randrange(len(FIRST))]
        last = LAST[rng.randrange(len(LAST))]
        base_id = ascii_word(first[0]) + ascii_word(last)
        pid, n = base_id, 1
        while pid in ids:
            n += 1
            pid = f"{base_id}{n}"
        ids.add(pid)
        base_mail = f"{ascii_word(first)}.{ascii_word(last)}"
        mail, n = base_mail, 1
        while mail in emails:
            n += 1
            mail = f"{base_mail}{n}"
        emails.add(mail)
        # The first three rounds give every unit three active people; the rest are spread at random.
        unit = units[i % n_units] if i < 3 * n_units else units[rng.randrange(n_units)]
        active = i < 3 * n_units or rng.random() >= 0.05
        people.append((pid, f"{first} {last}", f"{mail}@{DOMAIN}", unit, active))
        (unit.people if active else unit.inactive).append(pid)
    return people, ids


HANDLE_LIMITS = {"x": 15, "instagram": 30, "threads": 30, "tiktok": 24, "youtube": 30}
BIO_LIMITS = {"x": 160, "instagram": 150, "threads": 150, "tiktok": 80, "facebook": 101, "linkedin": 120,
              "youtube": 1000, "bluesky": 256, "mastodon": 500}


def platform_handle(platform, stem, suffix):
    limit = HANDLE_LIMITS.get(platform)
    if limit is not None:
        # Shorten the unit's part, never the suffix, so handles of one unit stay distinct and valid.
        room = limit - len(suffix)
        kept, used = [], 0
        for part in stem:
            if used + len(part) > room:
                kept.append(part[: max(0, room - used)])
                break
            kept.append(part)
            used += len(part)
        stem = [p for p in kept if p] or [stem[0][:room]]
    parts = stem + ([suffix] if suffix else [])
    camel = "".join(parts)
    lower = camel.lower()
    if platform in ("x", "facebook", "youtube"):
        return camel
    if platform in ("instagram", "tiktok", "threads"):
        return lower
    if platform == "linkedin":
        return "-".join(p.lower() for p in parts)
    if platform == "bluesky":
        return f"{lower}.bsky.social"
    return f"{lower}@{MASTODON_HOST}"


def url_for(platform, handle):
    if platform == "x":
        return f"https://x.com/{handle}"
    if platform == "instagram":
        return f"https://www.instagram.com/{handle}/"
    if platform == "facebook":
        return f"https://www.facebook.com/{handle}"
    if platform == "linkedin":
        return f"https://www.linkedin.com/company/{handle}/"
    if platform == "youtube":
        return f"https://www.youtube.com/@{handle}"
    if platform == "tiktok":
        return f"https://www.tiktok.com/@{handle}"
    if platform == "threads":
        return f"https://www.threads.net/@{handle}"
    if platform == "bluesky":
        return f"https://bsky.app/profile/{handle}"
    return f"https://{MASTODON_HOST}/@{handle.split('@')[0]}"


SUFFIXES = ["", "News", "Alerts", "Events", "Jobs", "Info", "Live", "Team", "HQ", "Help", "Press", "Kids", "Es",
            "Media", "Video", "Photos", "Careers", "Notices", "Programs", "Meetings", "Safety", "Updates", "Stories"]

# Failure kinds: (name, Herald rule, relative weight)
KINDS = [
    ("schema-unknown-key", "inventory-schema", 4), ("schema-bad-date", "inventory-schema", 2),
    ("schema-former-platform", "inventory-schema", 2), ("schema-bad-status", "inventory-schema", 1),
    ("unit-unknown", "unit-known", 5),
    ("bio-no-mention", "bio-states-office", 10), ("bio-empty", "bio-states-office", 4),
    ("owner-single", "owner-assigned", 8), ("owner-inactive", "owner-assigned", 8), ("owner-unknown", "owner-assigned", 5),
    ("std-platform", "unit-standards", 5), ("std-handle", "unit-standards", 5),
    ("std-phrase", "unit-standards", 5), ("std-archiving", "unit-standards", 5),
    ("review-old", "review-current", 14), ("review-missing", "review-current", 4), ("review-future", "review-current", 1),
    ("duplicate", "duplicate-account", 8),
    ("two-factor-off", "two-factor", 4), ("no-vault", "credentials-vaulted", 3), ("dormant", "dormant-account", 4),
    ("secret-key", "no-secrets", 1), ("waiver-expired", "waiver-expired", 2),
]
NEEDS_STANDARD = {"std-platform", "std-handle", "std-phrase", "std-archiving"}
RETIRED_OK = {"schema-unknown-key", "schema-bad-date", "schema-former-platform", "unit-unknown", "duplicate"}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("outdir")
    ap.add_argument("--accounts", type=int, required=True, help="number of account files to write")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--as-of", default="2026-11-24", help="the audit date the review dates are placed around")
    ap.add_argument("--units", type=int, help="number of units (default: accounts / 50, at least 4)")
    ap.add_argument("--people", type=int, help="number of people (default: accounts / 5, at least 50)")
    ap.add_argument("--failure-rate", type=float, help="share of accounts that break one rule (default 0.05; 0.5 for --shape messy)")
    ap.add_argument("--shape", choices=["ordinary", "messy", "adoption"], default="ordinary",
                    help="how broken the registry is (see above)")
    ap.add_argument("--force", action="store_true", help="replace an existing OUTDIR/Inventory")
    args = ap.parse_args(argv)
    if args.failure_rate is None:
        args.failure_rate = 0.5 if args.shape == "messy" else 0.05
    if args.accounts < 1:
        ap.error("--accounts must be at least 1")
    as_of = dt.date.fromisoformat(args.as_of)
    n_units = args.units or max(4, round(args.accounts / 50))
    n_people = args.people or max(50, args.accounts // 5)
    if n_people < 3 * n_units:
        ap.error(f"--people must be at least 3 x units ({3 * n_units})")

    inv = os.path.join(args.outdir, "Inventory")
    if os.path.exists(inv):
        if not args.force:
            ap.error(f"{inv} exists: pass --force to replace it")
        shutil.rmtree(inv)
    os.makedirs(os.path.join(inv, "units"))
    os.makedirs(os.path.join(inv, "accounts"))

    rng = random.Random(args.seed)
    units = build_units(rng, n_units)
    org_standards = {"min_owners": 2, "review_every_days": 365}
    set_standards(rng, units)
    for u in units:
        u.eff = effective(u, org_standards)
        u.weight = rng.lognormvariate(0, 0.8)
    for u in units:
        patterned = u.eff["handle_pattern"] or (u.parent is not None and u.parent.eff["handle_pattern"]) \
            or any(c.eff["handle_pattern"] for c in u.children)
        if not patterned and rng.random() < 0.5:
            u.stem = ["FH"] + u.stem[1:]
    people, person_ids = build_people(rng, units, n_people)
    all_inactive = [p[0] for p in people if not p[4]]
    for u in units:
        u.maintainers = u.people[:1 + (rng.random() < 0.5)]
    ghosts = [slug(f"{u.id} old") for u in units[: max(1, n_units // 100)]]  # renamed units, no file

    write = _writer()
    # --- organisation files -------------------------------------------------------------------
    write(os.path.join(inv, "herald.yaml"),
          f"# Synthetic inventory written by Scripts/generate-inventory.py (seed {args.seed}, {args.accounts} accounts).\n"
          f"organisation: {ORGANISATION}\nofficial_domains: [{DOMAIN}]\n"
          f"standards:\n  min_owners: 2\n  review_every_days: 365\n")
    lines = []
    for pid, name, email, unit, active in people:
        acknowledged = (as_of - dt.timedelta(days=rng.randint(1, 330))).isoformat()
        lines.append(f"- {{id: {pid}, name: {quoted(name)}, email: {email}, unit: {unit.id}, policy_acknowledged: {acknowledged}"
                     + ("" if active else ", active: false") + "}\n")
    write(os.path.join(inv, "people.yaml"), "".join(lines))
    for u in units:
        text = [f"id: {u.id}\n", f"name: {u.name}\n", f"aliases: [{', '.join(u.aliases)}]\n"]
        if u.parent is not None:
            text.append(f"parent: {u.parent.id}\n")
        text.append(f"maintainers: [{', '.join(u.maintainers)}]\n")
        if u.parent is None:
            text.append(f"escalation: safety@{DOMAIN}\n")
        if u.standards:
            text.append("standards:\n")
            for key in ("min_owners", "review_every_days", "platforms", "handle_pattern", "bio_must_include", "require_archiving"):
                if key not in u.standards:
                    continue
                v = u.standards[key]
                if key == "platforms":
                    text.append(f"  platforms: [{', '.join(v)}]\n")
                elif key == "bio_must_include":
                    text.append(f"  bio_must_include: [{', '.join(quoted(p) for p in v)}]\n")
                elif key == "handle_pattern":
                    text.append(f"  handle_pattern: {quoted(v)}\n")
                elif key == "require_archiving":
                    text.append(f"  require_archiving: {'true' if v else 'false'}\n")
                else:
                    text.append(f"  {key}: {v}\n")
        write(os.path.join(inv, "units", u.id + ".yaml"), "".join(text))

    # --- accounts -----------------------------------------------------------------------------
    made_dirs = set()
    used = set()  # platform:handle (lowercase) already registered
    counters = {}  # (unit id, platform) -> next suffix index
    expected = []
    kind_names = [k[0] for k in KINDS]
    kind_rule = {k[0]: k[1] for k in KINDS}
    kind_weights = [k[2] for k in KINDS]
    chosen_units = rng.choices(units, weights=[u.weight for u in units], k=args.accounts)
    units_with = {
        "std-platform": [u for u in units if u.eff["platforms"]],
        "std-handle": [u for u in units if u.eff["handle_pattern"]],
        "std-phrase": [u for u in units if u.eff["bio_must_include"]],
        "std-archiving": [u for u in units if u.eff["require_archiving"]],
    }
    stats = {}

    def new_handle(unit, platform, stem=None):
        key = (unit.id, platform)
        i = counters.get(key, 0)
        while True:
            suffix = SUFFIXES[i] if i < len(SUFFIXES) else f"{SUFFIXES[1 + i % (len(SUFFIXES) - 1)]}{i // (len(SUFFIXES) - 1)}"
            i += 1
            handle = platform_handle(platform, stem or unit.stem, suffix)
            ident = f"{platform}:{handle.lower()}"
            if ident not in used:
                counters[key] = i
                used.add(ident)
                return handle

    def date_before(days_min, days_max):
        return as_of - dt.timedelta(days=rng.randint(days_min, days_max))

    def body(unit, platform, handle, kind, status, folder_unit=None):
        """The account file's text for `unit`, broken as `kind` says ('' for a passing file)."""
        eff = unit.eff
        phrases = list(eff["bio_must_include"])
        min_owners = eff["min_owners"]
        n_owners = min_owners + (rng.random() < 0.15)
        pool = unit.people
        owners = rng.sample(pool, min(n_owners, len(pool)))
        if len(owners) < n_owners:  # tiny units: borrow colleagues from the parent
            extra = [p for p in (unit.parent.people if unit.parent else []) if p not in owners]
            owners += extra[: n_owners - len(owners)]
        display = unit.aliases[0] if rng.random() < 0.5 else unit.name
        show_name = rng.random() < 0.5  # name is optional
        mention = unit.name if rng.random() < 0.6 else unit.aliases[0]
        where = f", {ORGANISATION}" if rng.random() < 0.2 else ""
        bio = BIO_FORMS[rng.randrange(len(BIO_FORMS))].format(m=mention, w=where)
        bio = f"{bio} {TAGLINES[rng.randrange(len(TAGLINES))]}".rstrip()
        detail = ""
        if kind == "bio-no-mention":
            bio = OFF_MESSAGE_BIOS[rng.randrange(len(OFF_MESSAGE_BIOS))]
            detail = "bio names neither the unit nor an alias"
        if kind == "std-phrase":
            own = unit.standards.get("bio_must_include") or phrases
            missing = own[0]
            phrases = [p for p in phrases if p != missing]
            detail = f"bio lacks {missing!r}"
        if phrases:
            bio += " " + " ".join(phrases)
        if len(bio) > BIO_LIMITS[platform] and kind != "bio-no-mention":
            bio = " ".join([f"{mention}."] + phrases)  # the short form people write for tight platforms
        if kind == "bio-empty":
            bio = ""
            detail = "empty bio"
        owners_key = "owners"
        if kind == "owner-single":
            owners = owners[:1]
            detail = f"1 owner, min_owners {min_owners}"
        elif kind == "owner-inactive":
            gone = unit.inactive[rng.randrange(len(unit.inactive))] if unit.inactive else all_inactive[rng.randrange(len(all_inactive))]
            owners[-1] = gone
            detail = f"owner {gone} is inactive"
        elif kind == "owner-unknown":
            good = owners[-1]
            typo = good[:-1] if len(good) > 3 else good + "x"
            while typo in person_ids:
                typo += "q"
            owners[-1] = typo
            detail = f"owner {typo} not in people.yaml"
        elif kind == "schema-unknown-key":
            owners_key = "owner"
            detail = "unknown key owner: (also owner-assigned: no owners)"
        period = eff["review_every_days"]
        if folder_unit is not None:  # an unknown unit gets the organisation's standards
            period = min(period, 365)
        reviewed = date_before(1, max(1, min(period - 30, period * 9 // 10)))
        created = reviewed - dt.timedelta(days=rng.randint(30, 5000))
        reviewed_text = reviewed.isoformat()
        if kind == "review-old":
            reviewed_text = date_before(period + 15, period + 900).isoformat()
            detail = f"last_reviewed {reviewed_text}, period {period} days"
        elif kind == "review-future":
            reviewed_text = (as_of + dt.timedelta(days=rng.randint(20, 200))).isoformat()
            detail = f"last_reviewed {reviewed_text} is after the audit date"
        elif kind == "review-missing":
            reviewed_text = None
            detail = "no last_reviewed"
        elif kind == "schema-bad-date":
            bad = as_of - dt.timedelta(days=rng.randint(1, 300))
            reviewed_text = quoted(f"{bad.year}-02-30" if bad.month != 2 else f"{bad.year}-04-31")
            detail = f"last_reviewed {reviewed_text} is not a real day"
        archiving = None
        if eff["require_archiving"] or rng.random() < 0.3:
            archiving = ARCHIVERS[rng.randrange(len(ARCHIVERS))]
        if kind == "std-archiving":
            archiving = None
            detail = "no archiving although required"
        written_platform = platform
        if kind == "schema-former-platform":
            written_platform = FORMER_NAMES[platform]
            detail = f"platform {written_platform} (former name of {platform})"
        written_status = status
        if kind == "schema-bad-status":
            written_status = ["closed", "inactive", "deleted"][rng.randrange(3)]
            detail = f"status {written_status}"
        out = [f"platform: {written_platform}\n", f"handle: {handle}\n", f"url: {url_for(platform, handle)}\n",
               f"unit: {folder_unit or unit.id}\n"] + ([f"name: {display}\n"] if show_name else []) + [f"bio: {quoted(bio)}\n",
               f"{owners_key}: [{', '.join(owners)}]\n", f"status: {written_status}\n", f"created: {created.isoformat()}\n"]
        if reviewed_text is not None:
            out.append(f"last_reviewed: {reviewed_text}\n")
        if archiving:
            out.append(f"archiving: {archiving}\n")
        if status == "retired":
            out.append(f"retired_on: {date_before(30, 900).isoformat()}\nhandle_held: true\n")
        else:
            out.append("two_factor: false\n" if kind == "two-factor-off" else "two_factor: true\n")
            if kind == "no-vault":
                detail = "no credentials reference"
            else:
                out.append(f"credentials: {quoted('Vault: Communications / ' + handle)}\n")
            if kind == "dormant":
                out.append(f"last_post: {date_before(200, 600).isoformat()}\n")
                detail = "last post more than 180 days ago"
            else:
                out.append(f"last_post: {date_before(0, 120).isoformat()}\n")
        if kind == "two-factor-off":
            detail = "two_factor: false"
        if kind == "secret-key":
            out.append("password: Benchmark-Not-A-Real-Password-1\n")
            detail = "a password key"
        if kind == "waiver-expired":
            approver = (unit.maintainers or [owners[0]])[0]
            out.append(f"waivers:\n  - rule: review-current\n    reason: Reviewer on leave\n    approved_by: {approver}\n"
                       f"    expires: {date_before(1, 60).isoformat()}\n")
            detail = "expired waiver (review-current passes, so it is not also unused)"
        return "".join(out), written_platform, detail

    def reshaped(text, unit):
        """The account file's text as --shape breaks it further."""
        if args.shape == "adoption":
            kept = ("platform:", "handle:", "url:", "unit:", "name:", "status:")
            return "".join(line for line in text.splitlines(keepends=True) if line.startswith(kept))
        if args.shape == "messy":
            lines = text.splitlines(keepends=True)
            period = unit.eff["review_every_days"]
            old = date_before(period + 15, period + 900).isoformat()
            lines = [f"last_reviewed: {old}\n" if line.startswith("last_reviewed:") else line for line in lines]
            if not any(line.startswith("last_reviewed:") for line in lines):
                lines.append(f"last_reviewed: {old}\n")
            if rng.random() < 0.7:
                off = OFF_MESSAGE_BIOS[rng.randrange(len(OFF_MESSAGE_BIOS))]
                lines = [f"bio: {quoted(off)}\n" if line.startswith("bio:") else line for line in lines]
            return "".join(lines)
        return text

    def emit(unit_folder, written_platform, handle, text):
        folder = os.path.join(inv, "accounts", unit_folder)
        if unit_folder not in made_dirs:
            os.makedirs(folder, exist_ok=True)
            made_dirs.add(unit_folder)
        name = f"{written_platform}-{handle}.yaml"
        write(os.path.join(folder, name), text)
        return f"Inventory/accounts/{unit_folder}/{name}"

    i = 0
    while i < args.accounts:
        unit = chosen_units[i]
        kind, twin_unit = "", None
        if rng.random() < args.failure_rate:
            # Draw failures until one fits; standards failures move to a unit that has the standard.
            for _ in range(20):
                kind = rng.choices(kind_names, weights=kind_weights)[0]
                if kind in NEEDS_STANDARD:
                    pool = units_with[kind]
                    if not pool:
                        continue
                    unit = pool[rng.randrange(len(pool))]
                elif kind == "bio-empty" and unit.eff["bio_must_include"]:
                    continue  # an empty bio would also lack the required phrases
                elif kind == "duplicate":
                    # The same account registered again by its department (or one of its divisions).
                    candidates = [unit.parent] if unit.parent is not None else unit.children
                    if i + 1 >= args.accounts or not candidates:
                        continue
                    twin_unit = candidates[rng.randrange(len(candidates))]
                break
            else:
                kind = "review-old"
        eff = unit.eff
        allowed = eff["platforms"] or PLATFORMS
        if twin_unit is not None:
            twin_allowed = twin_unit.eff["platforms"] or PLATFORMS
            allowed = [p for p in allowed if p in twin_allowed] or allowed
        if kind == "schema-former-platform":
            allowed = [p for p in allowed if p in FORMER_NAMES]
        if kind == "std-platform":
            allowed = [p for p in PLATFORMS if p not in allowed]
        weights = [PLATFORM_WEIGHTS[PLATFORMS.index(p)] for p in allowed]
        platform = rng.choices(allowed, weights=weights)[0]
        if twin_unit is not None and platform not in (twin_unit.eff["platforms"] or PLATFORMS):
            kind, twin_unit = "review-old", None
        status = "active"
        r = rng.random()
        if kind in ("", *RETIRED_OK):
            status = "retired" if r < 0.03 else "dormant" if r < 0.08 else "active"
        elif r < 0.05:
            status = "dormant"

        stem = unit.stem
        if kind == "std-handle":
            stem = ["FH"] + unit.stem[1:]
        handle = new_handle(unit, platform, stem)
        folder_unit = None
        if kind == "unit-unknown":
            folder_unit = ghosts[rng.randrange(len(ghosts))]
        text, written_platform, detail = body(unit, platform, handle, kind, status, folder_unit)
        text = reshaped(text, unit)
        path = emit(folder_unit or unit.id, written_platform, handle, text)
        if kind == "std-platform":
            detail = f"{platform} not in {unit.id}'s platforms"
        elif kind == "std-handle":
            detail = f"handle {handle} does not match {eff['handle_pattern']}"
        elif kind == "unit-unknown":
            detail = f"unit {folder_unit} has no units/ file"
        elif kind == "duplicate":
            twin_handle = handle.lower()  # same account, letter case as the other office typed it
            twin_text, _, _ = body(twin_unit, platform, twin_handle, "", "active")
            twin_text = reshaped(twin_text, twin_unit)
            twin_path = emit(twin_unit.id, platform, twin_handle, twin_text)
            detail = f"{platform}:{handle.lower()} also in {twin_path}"
            expected.append((twin_path, "duplicate-account", "duplicate", f"{platform}:{handle.lower()} also in {path}"))
            i += 1
        if kind:
            expected.append((path, kind_rule[kind], kind, detail))
            stats[kind] = stats.get(kind, 0) + 1
        i += 1

    if args.shape == "adoption":
        expected.clear()
    with open(os.path.join(args.outdir, "expected-findings.tsv"), "w", encoding="utf-8") as f:
        f.write("# file\trule\tinjected\tdetail   (audit date %s)\n" % as_of.isoformat())
        for row in expected:
            f.write("\t".join(row) + "\n")
    broken = len({row[0] for row in expected})
    sys.stdout.write(f"wrote {inv}: {args.accounts} accounts, {len(units)} units, {len(people)} people; "
                     f"{broken} files break a rule ({len(expected)} expected findings, audit date {as_of})\n")
    for kind in kind_names:
        if kind in stats:
            sys.stdout.write(f"  {kind}: {stats[kind]}" + (" pairs\n" if kind == "duplicate" else "\n"))
    return 0


def _writer():
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)

    def write(path, text):
        fd = os.open(path, flags, 0o644)
        try:
            os.write(fd, text.encode("utf-8"))
        finally:
            os.close(fd)
    return write


if __name__ == "__main__":
    sys.exit(main())
