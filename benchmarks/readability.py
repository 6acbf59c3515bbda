"""Readability of every questionnaire text: words per statement and a Flesch score, per item and summed up.

Dutch: Flesch-Douma (206.835 - 0.93 x words per sentence - 77 x syllables per
word), as textstat 0.7.13 computes it with ``set_lang("nl")`` (syllables from
Pyphen's Dutch hyphenation). English: Flesch Reading Ease with the English
constants (206.835 - 1.015 x words per sentence - 84.6 x syllables per word),
syllables from Pyphen's en_US hyphenation, the way textstat counts them for
words it has no pronunciation of (its English path would download CMUdict; we
stay offline). Higher is easier; 60-70 is plain language, below 30 hard.
A one-sentence statement scores low when its few words are long, so read the
scores together with the word counts, and the per-item list for outliers.

    .venv/bin/python benchmarks/readability.py                 # summary for 1.0 and 2.0, hardest items of 2.0
    .venv/bin/python benchmarks/readability.py --all --lang en # every 2.0 item, English
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "src"))

from samenspel.instrument import Instrument, load_instrument  # noqa: E402
from samenspel.instrument.duration import words  # noqa: E402


def flesch(text: str, lang: str) -> float:
    """Flesch-Douma (nl, textstat) or Flesch Reading Ease (en, Pyphen syllables) of one statement."""
    if lang == "nl":
        import textstat

        textstat.set_lang("nl")
        return float(textstat.flesch_reading_ease(text))
    import pyphen

    dic = pyphen.Pyphen(lang="en_US")
    tokens = re.findall(r"[a-zA-Z']+", text)
    if not tokens:
        return 0.0
    syllables = sum(len(dic.positions(w.lower())) + 1 for w in tokens)
    sentences = max(1, len(re.findall(r"[.!?]+", text)))
    return 206.835 - 1.015 * len(tokens) / sentences - 84.6 * syllables / len(tokens)


def statements(instrument: Instrument) -> list[tuple[str, str, str]]:
    """(item id, nl, en) of what a respondent reads per item; relation items with a partner's name filled in."""
    out = []
    for it in instrument.items:
        nl, en = (t.replace("{partner}", "Gemeente") for t in (it.text.nl, it.text.en))
        out.append((it.id, nl, en))
    return out


def summary(instrument: Instrument, lang: str) -> dict[str, float]:
    rows = statements(instrument)
    scores = [flesch(nl if lang == "nl" else en, lang) for _, nl, en in rows]
    counts = [words(nl if lang == "nl" else en) for _, nl, en in rows]
    return {"items": len(rows), "median": statistics.median(scores), "mean": statistics.mean(scores),
            "p10": sorted(scores)[len(scores) // 10], "words_mean": statistics.mean(counts), "words_max": max(counts),
            "over_20_words": sum(c > 20 for c in counts)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--lang", choices=["nl", "en", "both"], default="both")
    parser.add_argument("--all", action="store_true", help="every item of 2.0, not only the hardest")
    args = parser.parse_args()
    langs = ["nl", "en"] if args.lang == "both" else [args.lang]
    names = {"nl": "Flesch-Douma", "en": "Flesch Reading Ease"}
    for lang in langs:
        print(f"{names[lang]} ({lang}): median, mean, 10th percentile; words per statement")
        for version in ("1.0", "2.0"):
            s = summary(load_instrument(version=version), lang)
            print(f"  samenspel-core {version}: {s['items']:>3} items  median {s['median']:5.1f}  mean {s['mean']:5.1f}"
                  f"  p10 {s['p10']:6.1f}  words mean {s['words_mean']:4.1f}, max {s['words_max']}, "
                  f"over 20: {s['over_20_words']}")
        rows = statements(load_instrument(version="2.0"))
        scored = sorted((flesch(nl if lang == "nl" else en, lang), iid, nl if lang == "nl" else en) for iid, nl, en in rows)
        shown = scored if args.all else scored[:12]
        print(f"  2.0, {'every item' if args.all else 'the 12 hardest'} ({lang}):")
        for score, iid, text in shown:
            print(f"    {score:6.1f}  {words(text):>2} w  {iid:<38} {text}")


if __name__ == "__main__":
    main()
