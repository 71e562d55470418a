"""The matcher on small documents written for the test: inflections, case, punctuation, phrases, false
positives, note references and citations."""

from __future__ import annotations

from apparat.glossary.annotate import _MATCHERS, annotate
from apparat.glossary.entries import Faction, Glossary, Person, Pos, Term
from apparat.model import (
    Annotation,
    AnnotationKind,
    Block,
    BlockKind,
    Document,
    Front,
    Note,
    NoteStatus,
    PageRange,
    Section,
    Span,
)


def glossary() -> Glossary:
    return Glossary(
        terms={
            "smychka": Term("smychka", "smychka", "смычка", "bond", "A test entry.", Pos.NOUN, 1),
            "biurokratiia": Term(
                "biurokratiia", "biurokratiia", "бюрократия", "bureaucracy", "Test.", Pos.NOUN, 2
            ),
            "kulturnost": Term(
                "kulturnost", "kul’turnost’", "культурность", "culturedness", "Test.", Pos.NOUN, 3
            ),
            "nep": Term(
                "nep", "NEP", "НЭП", "New Economic Policy", "Test.", Pos.FIXED, 4, case_sensitive=True
            ),
            "tsk": Term("tsk", "TsK", "ЦК", "Central Committee", "Test.", Pos.FIXED, 5, case_sensitive=True),
            "bumazhnoe-mnogopisanie": Term(
                "bumazhnoe-mnogopisanie",
                "bumazhnoe mnogopisanie",
                "бумажное многописание",
                "paper",
                "T.",
                Pos.PHRASE,
                6,
            ),
        },
        factions={
            "left-opposition": Faction("left-opposition", "Left Opposition", "Test.", 1923, 1927, 1),
            "workers-opposition": Faction(
                "workers-opposition", "Workers’ Opposition", "Test.", 1920, 1922, 2
            ),
        },
        persons={"bukharin": Person("bukharin", "Bukharin, Nikolai", "Test.", 1, forms=("Bukharin",))},
        not_terms={"party": "english"},
    )


def document(*texts: str, note: str | None = None) -> Document:
    blocks = [
        Block(f"ch01-b{i:03d}", BlockKind.PARAGRAPH, text, Span(i, i), PageRange(1, 1))
        for i, text in enumerate(texts, 1)
    ]
    notes = [Note(1, NoteStatus.PRESENT, note, Span(9, 9), PageRange(1, 1))] if note else []
    section = Section("ch01", "Chapter 1", "Test", Span(1, 9), PageRange(1, 1), blocks, notes)
    return Document("test", "test.txt", "book", 9, Front(), [section], [], [], [])


def spans(doc: Document) -> list[tuple[str, str]]:
    _MATCHERS.clear()
    found = annotate(doc, glossary())
    text = {b.id: b.text for b in doc.blocks()} | {f"ch01-n{n.n}": n.text or "" for n in doc.notes()}
    return [(a.key, text[a.target][a.start : a.end]) for a in found]


def test_inflected_forms_match() -> None:
    found = spans(document("They spoke of the smychku and of biurokratii, then of biurokratiei in general."))
    assert found == [
        ("smychka", "smychku"),
        ("biurokratiia", "biurokratii"),
        ("biurokratiia", "biurokratiei"),
    ]


def test_case_and_punctuation() -> None:
    found = spans(document("Biurokratiia, he said. ‘Smychka’ (smychka); the word kul’turnost’."))
    assert [k for k, _ in found] == ["biurokratiia", "smychka", "smychka", "kulturnost"]
    assert found[-1][1] == "kul’turnost’"


def test_ascii_apostrophe_reads_as_soft_sign() -> None:
    assert spans(document("a plea for kul'turnost' in daily life")) == [("kulturnost", "kul'turnost'")]


def test_acronyms_are_case_sensitive() -> None:
    assert spans(document("NEP began; the nep of it; TsK and tsk.")) == [("nep", "NEP"), ("tsk", "TsK")]


def test_no_match_inside_english_words() -> None:
    assert (
        spans(document("The party needed smychkas? No: a nepotism of smychkadom and partisan biurokratiian."))
        == []
    )


def test_phrases_and_possessives() -> None:
    found = spans(document("The Left Opposition’s view of bumazhnoe mnogopisanie; Bukharin’s reply."))
    assert found == [
        ("left-opposition", "Left Opposition"),
        ("bumazhnoe-mnogopisanie", "bumazhnoe mnogopisanie"),
        ("bukharin", "Bukharin"),
    ]


def test_apostrophe_inside_faction_name() -> None:
    assert spans(document("the Workers’ Opposition of 1921")) == [
        ("workers-opposition", "Workers’ Opposition")
    ]


def test_note_text_and_note_references() -> None:
    doc = document("smychka[^1] held.", note="On the smychka see below.")
    assert spans(doc) == [("smychka", "smychka"), ("smychka", "smychka")]


def test_never_inside_a_citation() -> None:
    doc = document("As smychka (Smychka 1925, p. 3) shows.")
    doc.annotations.append(Annotation(AnnotationKind.CITE, "smychka1925", "ch01-b001", 12, 30))
    assert spans(doc) == [("smychka", "smychka")]


def test_persons_linked_once_per_paragraph() -> None:
    assert spans(document("Bukharin wrote; Bukharin replied.")) == [("bukharin", "Bukharin")]


def wings_glossary() -> Glossary:
    found = glossary()
    found.factions |= {
        "right-opposition": Faction(
            "right-opposition", "Right Opposition", "T.", 1928, 1929, 3, aliases=("moderates",), wing="right"
        ),
        "centrists": Faction("centrists", "Centrists", "T.", None, None, 4, wing="centre"),
        "united-front": Faction(
            "united-front",
            "United Front",
            "T.",
            1921,
            1928,
            5,
            aliases=("united front",),
            context=("SPD", "workers", "tactics"),
        ),
    }
    return found


def faction_spans(*texts: str) -> list[tuple[str, str, str]]:
    _MATCHERS.clear()
    doc = document(*texts)
    text = {b.id: b.text for b in doc.blocks()}
    found = annotate(doc, wings_glossary())
    return [
        (a.target[-1], a.key, text[a.target][a.start : a.end])
        for a in found
        if a.kind is AnnotationKind.FACTION
    ]


def test_the_wings_named_bare_link_where_the_sentence_is_about_the_party() -> None:
    """`the right` and `the centre` name the party's wings in a sentence about the party struggle; a
    direction, a right, the right wing or the central offices link nothing."""
    assert faction_spans(
        "By the spring the right had outvoted the centre in the Politburo.",
        "The office turned to the right and asked for the right to appeal.",
        "Forms went up to the centre, and orders from the centre came back slowly.",
        "The right wing of the bloc met; the moderates stayed away.",
        "He courted the left, centre, and right of the party in turn.",
    ) == [
        ("1", "right-opposition", "right"),
        ("1", "centrists", "centre"),
        ("4", "right-opposition", "moderates"),
        ("5", "centrists", "centre"),
    ]


def test_a_generic_phrase_links_only_in_its_context() -> None:
    """`united front` links to the tactic where its sentence has a context word; the capitalised name
    always links."""
    assert faction_spans(
        "He called for a united front with the SPD.",
        "The minister spoke of a united front from the bankers to the bishops.",
        "The United Front was the Comintern's answer.",
    ) == [("1", "united-front", "united front"), ("3", "united-front", "United Front")]


def test_the_groupings_detector_finds_lower_case_labels_and_wings() -> None:
    from apparat.glossary.groupings import mentions

    text = (
        "The moderates lost; the right had outvoted the centre in the Politburo. The Bordigan opposition "
        "objected. A turn to the right followed."
    )
    assert [m.name for m in mentions(text)] == ["moderates", "the right", "the centre", "Bordigan opposition"]
