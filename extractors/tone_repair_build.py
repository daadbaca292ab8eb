"""Build `syllable_bigrams.json` for tone repair: `python -m extractors.tone_repair_build DIR...`.

Reads the `.txt` and `.md` files under the folders given (real award decisions and the
field's descriptions; the project's `../shared/domain`), the field's wording kept with this
module (`domain_phrases.txt`, the positions and unit words of `extractors.nlp`), counts
each syllable and each pair of neighbouring syllables within a line or phrase, and how
often a pair's second word is capitalized after a lowercase first, and writes the counts
beside this module.
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
from extractors.tone_repair import _CORE, NUMBER, key_of

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


def count_cases(lines: Iterable[str]) -> dict[str, list[int]]:
    """For each pair `before word` where the word follows a lowercase word in a line:
    [times the word was Capitalized, times lowercase].

    Whether a word is written with a capital inside a sentence (`của Sở`, `cơ sở`,
    `xuất sắc`) is what case repair asks when OCR's case cannot be trusted.
    """
    cases: dict[str, list[int]] = {}
    for line in lines:
        for first, second in itertools.pairwise(line.split()):
            before, word = _CORE.match(first), _CORE.match(second)
            if not (before and word) or before.group(3) or word.group(1):
                continue
            core = word.group(2)
            key, previous = key_of(second), key_of(first)
            if not before.group(2)[0].islower() or not (key and is_syllable(key)):
                continue
            if core.islower():
                side = 1
            elif core[0].isupper() and core[1:] == core[1:].lower():
                side = 0
            else:
                continue
            cases.setdefault(f"{previous} {key}", [0, 0])[side] += 1
    return cases


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
    cases = count_cases(lines)
    data = {
        "sources": [path.name for path in files] + [PHRASES.name, "extractors.nlp"],
        "unigrams": dict(sorted(unigrams.items())),
        "bigrams": {f"{a} {b}": n for (a, b), n in sorted(bigrams.items())},
        "cases": dict(sorted(cases.items())),
    }
    OUTPUT.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(files)} files, {len(unigrams)} syllables, {len(bigrams)} pairs -> {OUTPUT.name}")


if __name__ == "__main__":
    main()
