"""Every hostile input of the suite, by where it enters: one registry, so that the rejection tests, the
export tests and the Chromium test (tests/browser/test_hostile_chromium.py) share the same cases, and the
suite can count them.

The first 45 (the YAML, definition, page and field cases marked `original`) are the suite as it was before
the allow-list sanitiser; they must keep passing.
"""

from __future__ import annotations

# --- YAML as such (apparat.untrusted.load_yaml_text) -- original --------------------------------------------

BAD_YAML = {
    "alias bomb": "a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n",
    "anchor alone": "entry: &e {lemma: smychka}\n",
    "python object tag": "x: !!python/object/apply:os.system ['echo hi']\n",
    "python name tag": "x: !!python/name:os.system\n",
    "binary tag": "x: !!binary aGVsbG8=\n",
    "local tag": "x: !custom value\n",
    "set tag": "x: !!set {a, b}\n",
    "duplicate key": "lemma: smychka\ngloss: alliance\nlemma: biurokratiia\n",
    "non-text key": "1: one\n",
    "unclosed quote": 'lemma: "smychka\n',
    "bad indentation": "terms:\n  - lemma: a\n   gloss: b\n",
    "tab indentation": "terms:\n\t- lemma: a\n",
    "deep nesting": "x: " + "[" * 40 + "]" * 40 + "\n",
    "merge key with alias": "base: &b {gloss: x}\nentry:\n  <<: *b\n",
    # new: escapes of double-quoted scalars that make characters no page can hold
    "unpaired surrogate escape": 'gloss: "a \\ud800 b"\n',
    "control character escape": 'name: "a \\x01 b"\n',
    "U+FFFE escape in a key": '"a\\uFFFE": b\n',
}
NEW_YAML = 3
"""The last three cases of BAD_YAML are new."""
YAML_FILES = ("huge yaml", "non-utf8 yaml")
"""Two more original YAML cases, tested with files (tests/untrusted/test_hostile_inputs.py)."""

# --- definitions, descriptions, identifications (Markdown subset) ------------------------------------------

BAD_DEFINITIONS = {
    # original
    "script element": "An alliance <script>alert(1)</script> of classes.",
    "html block": "<div onclick='x()'>text</div>",
    "img onerror": 'See <img src=x onerror="alert(1)">.',
    "javascript link": "See [the entry](javascript:alert(1)).",
    "javascript link, mixed case": "See [it](JaVaScRiPt:alert(1)).",
    "vbscript link": "See [it](vbscript:msgbox(1)).",
    "data link": "See [it](data:text/html;base64,PHNjcmlwdD4=).",
    "autolink javascript": "Go <javascript:alert(1)>.",
    "image": "![x](https://example.org/tracker.png)",
    "iframe": "<iframe src='https://example.org'></iframe>",
    "style element": "<style>body{display:none}</style>",
    "svg onload": "<svg onload=alert(1)>",
    # new
    "entity-encoded javascript link": "See [it](&#106;avascript:alert(1)).",
    "svg data link": "See [it](data:image/svg+xml;base64,PHN2Zz4=).",
    "reference-style javascript link": "See [it][x].\n\n[x]: javascript:alert(1)",
    "html comment": "A comment <!-- hidden --> in a definition.",
}
ORIGINAL_DEFINITIONS = 12

# --- hand-written pages (content/pages/*.md) --------------------------------------------------------------

BAD_PAGES = {
    # original
    "attr_list onclick": 'A paragraph.\n{: onclick="alert(1)" }\n',
    "attr_list onmouseover": "# Title { onmouseover=steal() }\n",
    "attr_list style": 'Text\n{: style="position:fixed;top:0" }\n',
    "md_in_html script": '<div markdown="1">\n<script src="https://evil.example/x.js"></script>\n</div>\n',
    "javascript href": '<a href="javascript:alert(1)">click</a>\n',
    "markdown javascript link": "[click](javascript:alert(document.cookie))\n",
    "encoded javascript": '<a href="&#x6A;avascript:alert(1)">x</a>\n',
    "meta refresh": '<meta http-equiv="refresh" content="0;url=https://evil.example">\n',
    "form": '<form action="https://evil.example"><input name=p></form>\n',
    "base element": '<base href="https://evil.example/">\n',
    "object": '<object data="x.swf"></object>\n',
    "data html link": "[x](data:text/html;base64,PHNjcmlwdD4=)\n",
    # new: what the line-by-line blocklist let through
    "handler split over two lines": "<details open ontoggle\n=alert(1)>x</details>\n",
    "&#74;avascript: address": '<a href="&#74;avascript:alert(1)">x</a>\n',
    "jav&#97;script: address": "[x](jav&#97;script:alert(1))\n",
    "javascript&colon; address": '<a href="javascript&colon;alert(1)">x</a>\n',
    # new: elements and attributes nobody listed
    "id clobbering the theme config": "Text\n{ #__config }\n",
    "id taking the search field's": "## Search { #apparat-search-input }\n",
    "svg with script": "<svg><script>alert(1)</script></svg>\n",
    "mathml xlink": '<math><mi xlink:href="javascript:alert(1)">x</mi></math>\n',
    "iframe srcdoc": '<iframe srcdoc="<script>alert(1)</script>"></iframe>\n',
    "noscript mutation": '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>\n',
    "image with attr_list handler": '![x](y.png){ onerror="alert(1)" }\n',
    "button formaction": '<button formaction="javascript:alert(1)">x</button>\n',
    "input autofocus onfocus": "<input autofocus onfocus=alert(1)>\n",
    "embed": '<embed src="x.swf">\n',
    "stylesheet link": '<link rel="stylesheet" href="https://evil.example/x.css">\n',
    "template element": "<template><img src=x onerror=alert(1)></template>\n",
}
ORIGINAL_PAGES = 12

BAD_TITLES = {
    # the navigation of every page printed a page's `# ` line as it was written: a code span's markup ran
    "code span with markup in the title": "# About `<img src=x onerror=alert(1)>`\n\nText.\n",
    "escaped tag in the title": "# About \\<meta http-equiv=refresh content=0;url=https://evil.example>\n\nText.\n",
}

FRONT_MATTER = {
    "title with markup": "---\ntitle: <img src=x onerror=alert(1)>\n---\n\n# Page\n",
    "unknown front-matter key": "---\ntitle: Fine\ntemplate: ../../evil.html\n---\n\n# Page\n",
    # the theme writes `description` into <meta content="…"> unescaped: this meta refreshed to another site
    "description ending its attribute": (
        "---\ntitle: Fine\ndescription: '0;url=https://evil.example/\" http-equiv=\"refresh'\n---\n\n# Page\n"
    ),
}

# --- plain fields (BibTeX values, names) -- original --------------------------------------------------------

BAD_FIELDS = [
    "<script>alert(1)</script>",
    "Title <img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "</title><svg/onload=x>",
]

# --- content/data/*.yml entries: (file, entry text, line of the error, code) ---------------------------------

TERM = "  - lemma: smychka\n    cyrillic: смычка\n    gloss: bond\n    pos: noun\n    definition: A bond. Of classes.\n"
PERSON = "  - name: Trotsky, Leon\n    forms: [Trotsky]\n    identification: A leader. An exile.\n"
FACTION = (
    "  - name: Left Opposition\n    years: [1923, 1927]\n    description: A faction. Of the left.\n"
    "    kind: russian\n"
)

BAD_DATA: dict[str, tuple[str, str, int, str]] = {
    "id with an event handler (term)": (
        "terms",
        TERM + "    id: x onfocus=alert(1) autofocus tabindex=0\n",
        7,
        "data.schema",
    ),
    "id with an event handler (person)": (
        "persons",
        PERSON + '    id: "x onfocus=alert(1)"\n',
        5,
        "data.schema",
    ),
    "id with a quote": ("factions", FACTION + '    id: left"><script>\n', 6, "data.schema"),
    "misspelt optional key (froms)": (
        "persons",
        "  - name: Trotsky, Leon\n    froms: [Trotsky]\n    identification: A leader. An exile.\n",
        3,
        "data.unknown-key",
    ),
    "misspelt required key (glos)": (
        "terms",
        TERM.replace("    gloss:", "    glos:"),
        4,
        "data.unknown-key",
    ),
    "unknown key in a faction": ("factions", FACTION + "    colour: red\n", 6, "data.unknown-key"),
    "second entry with the same Cyrillic": (
        "terms",
        TERM + TERM.replace("lemma: smychka", "lemma: smychka-two"),
        8,
        "data.duplicate",
    ),
    "definition over the length limit": (
        "terms",
        TERM.replace("A bond. Of classes.", "Long. " * 400),
        6,
        "data.schema",
    ),
    "name over the length limit": ("persons", PERSON.replace("Trotsky, Leon", "T" * 200), 2, "data.schema"),
    "bidi control in a definition": (
        "terms",
        TERM.replace("A bond.", "A \u202ebond."),
        6,
        "data.bidi-control",
    ),
    "bidi control in a name": (
        "persons",
        PERSON.replace("Trotsky, Leon", "Trotsky\u2066, Leon"),
        2,
        "data.bidi-control",
    ),
    "HTML in an identification": (
        "persons",
        PERSON.replace("A leader.", "A <img src=x onerror=alert(1)> leader."),
        4,
        "data.unsafe-markup",
    ),
    "javascript link in a description": (
        "factions",
        FACTION.replace("A faction.", "A [faction](javascript:alert(1))."),
        4,
        "data.unsafe-markup",
    ),
    "see_also naming something that is no id": (
        "terms",
        TERM + '    see_also: ["x onmouseover=alert(1)"]\n',
        7,
        "data.schema",
    ),
    "HTML in a gloss": (
        "terms",
        TERM.replace("gloss: bond", "gloss: <b onclick=x()>bond</b>"),
        4,
        "data.unsafe-markup",
    ),
    "unpaired surrogate in a definition (a UTF-8 writer crashed on it)": (
        "terms",
        TERM.replace("definition: A bond. Of classes.", 'definition: "A \\ud800 bond."'),
        6,
        "data.glossary",
    ),
    "id ending in a line end (its heading printed '{ #id' and took another id)": (
        "terms",
        TERM + '    id: "smychka\\n"\n',
        7,
        "data.schema",
    ),
    "a date as a decimal number (the pages printed 1879.0)": (
        "persons",
        PERSON + "    born: 1879.0\n",
        5,
        "data.schema",
    ),
    "years as text": ("factions", FACTION.replace("[1923, 1927]", "'1923 onclick=x'"), 3, "data.schema"),
}

BAD_NOT_TERMS = {
    "unknown reason in not-terms": ("english: [party]\nenglsh: [army]\n", 2, "data.unknown-key"),
}

BAD_MANIFEST = {
    "source outside the sources folder": "source: ../../../etc/passwd",
    "unknown key in works.yml": "template: evil",
    "work id with markup": 'id: "x onload=alert(1)"',
    "work title with markup": 'title: "<img src=x onerror=alert(1)>"',
}

BAD_CORRECTIONS = {
    # the model writes a note call as [^N]: a replacement holding one added a call to note 1 that no page prints
    "a forged note call in a replacement": (
        "corrections:\n  - work: sample-book\n    line: 3\n    find: a\n    replace: a[^1]\n    reason: r\n",
        2,
    ),
    "unknown key in a correction": (
        (
            "corrections:\n  - work: sample-book\n    line: 3\n    find: a\n    replace: b\n    reason: r\n"
            "    exec: rm -rf /\n"
        ),
        7,
    ),
}

BAD_REDIRECTS = {
    "javascript: redirect target": "redirects:\n  - from: a/b.html#x\n    to: javascript:alert(1)\n",
    # Python's `$` matched before a final line end: the schema's pattern let this through
    "redirect target ending in a line end": 'redirects:\n  - from: a/b.html#x\n    to: "a/b.html#y\\n"\n',
}

BAD_ANCHOR_LISTS = {
    # content/data/published-anchors.txt: (its text after the header, line of the error)
    "terminal escape in a listed anchor": ("w/a.html#\x1b]0;pwned\x07\x1b[2Jx\n", 3),
    "markup in a listed anchor": ('w/a.html#x"><script>alert(1)</script>\n', 3),
    "an anchor listed twice": ("w/a.html#p1\nw/a.html#p1\n", 4),
    "a bad fingerprint (its error named the file twice)": ("w/a.html#ch01-l3 zz:yy\n", 3),
}

# --- files under content/ ----------------------------------------------------------------------------------

BAD_CONTENT_FILES = {
    "html page in content/pages": ("pages/evil.html", "<script>alert(1)</script>"),
    "html file in content/assets": ("assets/evil.html", "<script>alert(1)</script>"),
    "svg with script in content/assets": (
        "assets/logo.svg",
        '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
    ),
    "xml document in content/assets": (
        "assets/feed.xml",
        "<x:script xmlns:x='http://www.w3.org/1999/xhtml'>alert(1)</x:script>",
    ),
    "stray page at the top of content/": ("stray.md", "# Stray\n\n<script>alert(1)</script>\n"),
    "hostile Markdown in content/assets": ("assets/notes.md", '# Notes\n\nText\n{: onclick="alert(1)" }\n'),
}

# --- bibliography.bib fields: (entry text, line of the error) -------------------------------------------------

BAD_BIB = {
    "\\input a file": ("@book{X1,\n  title = {\\input{/etc/passwd}},\n  year = {1990},\n}\n", 2),
    "\\write18 shell escape": (
        "@book{X1,\n  title = {A},\n  note = {\\immediate\\write18{rm -rf ~}},\n}\n",
        3,
    ),
    "^^5c spells a backslash": ("@book{X1,\n  title = {^^5cinput{/etc/passwd}},\n}\n", 2),
    "@preamble": ('@preamble{"\\input{/etc/passwd}"}\n@book{X1,\n  title = {A},\n}\n', 1),
    "\\def a macro": ("@book{X1,\n  title = {\\def\\x{y}A},\n}\n", 2),
    "\\csname": ("@book{X1,\n  title = {\\csname input\\endcsname{x}},\n}\n", 2),
    "\\catcode": ("@book{X1,\n  title = {A},\n  publisher = {\\catcode`\\@=0},\n}\n", 3),
    "script element in a field": ("@book{X1,\n  title = {<script>alert(1)</script>},\n}\n", 2),
    "bidi control in a field": ("@book{X1,\n  title = {A \u202e title},\n}\n", 2),
    "javascript: address in a url": ("@misc{X1,\n  title = {A},\n  url = {javascript:alert(1)},\n}\n", 3),
}

# --- files that are not UTF-8: (path in the project, its bytes, line of the error); each crashed with a traceback

NOT_UTF8 = {
    "bibliography.bib": (b"@book{X1,\n  title = {A \xff title},\n}\n", 2),
    "content/pages/x.md": (b"# About\n\nA \xe9t\xe9 page.\n", 3),
    "content/data/published-anchors.txt": (b"# Anchors\nw/a.html\nw/\xe9.html\n", 3),
    "content/data/redirects.yml": (b"# \xe9\nredirects: []\n", 1),
}

BAD_BIB_KEYS = {
    # pybtex takes them; escaped everywhere, but the entry's anchor was unreachable and not listable
    "quote, hash and ampersand in a key": ('@book{X1"a#b&c,\n  title = {A},\n}\n', 1),
    "query and slash in a key": ("@book{X1,\n  title = {A},\n}\n@book{X2?a/b,\n  title = {B},\n}\n", 4),
}

# --- the build cache (build/cache/): entries that must never be trusted ----------------------------------------

BAD_CACHE = (
    "a pickle in the conversion cache",
    "a pickle in the annotation cache",
    "an entry stored under another key",
    "an entry whose hash does not match",
    "an entry of another format version",
    "an entry with an extra field",
)


def count() -> int:
    """How many hostile inputs the suite holds."""
    return (
        len(BAD_YAML)
        + len(YAML_FILES)
        + len(BAD_DEFINITIONS)
        + len(BAD_PAGES)
        + len(FRONT_MATTER)
        + len(BAD_TITLES)
        + len(NOT_UTF8)
        + len(BAD_FIELDS)
        + 1  # the hostile hand-written page of test_a_hostile_hand_written_page_fails_the_build_checks
        + len(BAD_DATA)
        + len(BAD_NOT_TERMS)
        + len(BAD_MANIFEST)
        + len(BAD_CORRECTIONS)
        + len(BAD_REDIRECTS)
        + len(BAD_ANCHOR_LISTS)
        + len(BAD_CONTENT_FILES)
        + len(BAD_BIB)
        + len(BAD_BIB_KEYS)
        + len(BAD_CACHE)
    )


def original_count() -> int:
    return (
        len(BAD_YAML)
        - NEW_YAML
        + len(YAML_FILES)
        + ORIGINAL_DEFINITIONS
        + ORIGINAL_PAGES
        + len(BAD_FIELDS)
        + 1
    )
