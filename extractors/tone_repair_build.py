"""Build `syllable_bigrams.json` for tone repair: `python -m extractors.tone_repair_build DIR...`.

Reads the `.txt` and `.md` files under the folders given (real award decisions and the
field's descriptions; the project's `../shared/domain`), the field's wording kept with this
module (`domain_phrases.txt`, the positions and unit words of `extractors.nlp`), counts
each syllable and each pair of neighbouring syllables within a line or phrase, and writes
the counts beside this module.
Run by hand when the texts change, never at run time; the JSON ships with the package.
"""

from __future__ import annotations

import argparse
import itertools
import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from extractors.nlp import POSITIONS, UNIT_STARTS
from extractors.syllables import is_syllable
from extractors.tone_repair import NUMBER, key_of

OUTPUT = Path(__file__).with_name("syllable_bigrams.json")
PHRASES = Path(__file__).with_name("domain_phrases.txt")


def count_lines(lines: Iterable[str]) -> tuple[Counter[str], Counter[tuple[str, str]]]:
    unigrams: Counter[str] = Counter()
    bigrams: Counter[tuple[str, str]] = Counter()
    for line in lines:
        keys = [key_of(token) for token in line.split()]
        kept = [k if k == NUMBER or (k and is_syllable(k)) else None for k in keys]
        unigrams.update(k for k in kept if k and k != NUMBER)
        bigrams.update((a, b) for a, b in itertools.pairwise(kept) if a and b)
    return unigrams, bigrams


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    args = parser.parse_args()
    files = sorted(
        p for folder in args.folders for p in folder.rglob("*") if p.suffix in (".txt", ".md")
    )
    lines = [line for path in files for line in path.read_text("utf-8").splitlines()]
    lines += [line for line in PHRASES.read_text("utf-8").splitlines() if not line.startswith("#")]
    lines += [phrase.strip() for block in (POSITIONS, UNIT_STARTS) for phrase in block.split(";")]
    unigrams, bigrams = count_lines(lines)
    data = {
        "sources": [path.name for path in files] + [PHRASES.name, "extractors.nlp"],
        "unigrams": dict(sorted(unigrams.items())),
        "bigrams": {f"{a} {b}": n for (a, b), n in sorted(bigrams.items())},
    }
    OUTPUT.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(files)} files, {len(unigrams)} syllables, {len(bigrams)} pairs -> {OUTPUT.name}")


if __name__ == "__main__":
    main()
