"""Property tests: the parser never raises, and no word of the body is lost or duplicated."""

from __future__ import annotations

import random
import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefreader.ingest import clean_text
from briefreader.model import Letter
from briefreader.parsing import parse_letter

SAMPLES = sorted((Path(__file__).resolve().parent.parent / "samples").glob("*.txt"))
SAMPLE_TEXTS = [clean_text(p.read_text(encoding="utf-8")) for p in SAMPLES]
WORDS = (
    "kabinet minister oekraïne veiligheid transparantie bondgenootschap de het een van en "
    "defensie industrie coördinatie reisadvies sancties europese financiële wederopbouw "
    "samenwerking verdediging afschrikking moldavië brief kamer voorzitter steun"
).split()
LETTERS = "abcdefghijklmnopqrstuvwxyzëïéö"
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def all_text(letter: Letter) -> str:
    parts = [letter.title, *(s.title or "" for s in letter.sections)]
    parts += [p.text for s in letter.sections for p in s.paragraphs]
    parts += [f.text for f in letter.footnotes]
    parts += [f"{s.role} {s.name}" for s in letter.signatories]
    return "\n".join(parts)


def check_clean(letter: Letter) -> None:
    text = all_text(letter)
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\ue000-\uf8ff]", text)
    assert letter.title.strip()
    for section in letter.sections:
        for para in section.paragraphs:
            assert "\n" not in para.text and "  " not in para.text
            assert para.text == para.text.strip()
            for ref in para.footnote_refs:
                assert 0 <= ref.offset <= len(para.text)


@SETTINGS
@given(st.text(max_size=3000))
def test_arbitrary_text_never_raises(text: str) -> None:
    check_clean(parse_letter(clean_text(text)))


@SETTINGS
@given(st.data())
def test_mutated_real_letters_never_raise(data: st.DataObject) -> None:
    lines = data.draw(st.sampled_from(SAMPLE_TEXTS)).split("\n")
    rng = random.Random(data.draw(st.integers(0, 2**32)))
    for _ in range(data.draw(st.integers(1, 40))):
        i = rng.randrange(len(lines))
        op = rng.choice(["drop", "dup", "blank", "space", "cut", "digit", "hyphen"])
        if op == "drop":
            del lines[i]
        elif op == "dup":
            lines.insert(i, lines[i])
        elif op == "blank":
            lines.insert(i, "")
        elif op == "space":
            lines[i] = " " + lines[i]
        elif op == "cut":
            lines[i] = lines[i][: rng.randrange(len(lines[i]) + 1)]
        elif op == "digit":
            lines.insert(i, f"{rng.randint(1, 30)} {rng.choice(WORDS)}")
        else:
            lines[i] = lines[i].rstrip() + "-"
        if not lines:
            lines = ["x"]
    check_clean(parse_letter("\n".join(lines)))


@st.composite
def generated_letter(draw: st.DrawFn) -> tuple[str, list[list[str]], list[str]]:
    """A letter laid out like the samples, with the words of each paragraph known."""
    word = st.one_of(st.sampled_from(WORDS), st.text(LETTERS, min_size=2, max_size=14))
    width = draw(st.integers(40, 90))
    lines = [
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal",
        "",
        "Den Haag, 3 februari 2022",
        "",
    ]
    paragraphs: list[list[str]] = []
    headings: list[str] = []
    for _ in range(draw(st.integers(1, 6))):
        if draw(st.booleans()):
            heading = draw(st.sampled_from(["Veiligheid", "Steun aan Oekraïne", "Sancties"]))
            headings.append(heading)
            lines += [heading, ""]
        words = draw(st.lists(word, min_size=3, max_size=60))
        words[0] = words[0].capitalize()
        paragraphs.append(words)
        line = ""
        for i, w in enumerate(words):
            token = w + ("." if i == len(words) - 1 else "")
            if line and len(line) + 1 + len(token) > width:
                # split a long word over the line end with a hyphen, as typesetting does
                if len(w) >= 8 and draw(st.booleans()) and i < len(words) - 1:
                    k = draw(st.integers(2, len(w) - 4))
                    lines.append(f"{line} {w[:k]}-")
                    line = w[k:]
                    continue
                lines.append(line)
                line = token
            else:
                line = f"{line} {token}" if line else token
        lines.append(line)
        lines.append("")
    # page breaks: a line that opens with a single space
    for i in draw(st.lists(st.integers(4, max(4, len(lines) - 1)), max_size=4)):
        if i < len(lines) and lines[i]:
            lines[i] = " " + lines[i]
    lines += ["De Minister van Buitenlandse Zaken,", "W.B. Hoekstra"]
    return "\n".join(lines) + "\n", paragraphs, headings


@SETTINGS
@given(generated_letter())
def test_no_body_word_lost_or_duplicated(case: tuple[str, list[list[str]], list[str]]) -> None:
    text, paragraphs, headings = case
    letter = parse_letter(clean_text(text))
    check_clean(letter)
    want = [w.lower() for words in paragraphs for w in words]
    got_text = " ".join(p.text for s in letter.sections for p in s.paragraphs)
    got = [w.replace("-", "") for w in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", got_text.lower())]
    assert got == want
    assert [s.title for s in letter.sections if s.title] == headings
    assert [s.name for s in letter.signatories] == ["W.B. Hoekstra"]
    assert letter.date is not None
