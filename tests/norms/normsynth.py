"""Small synthetic inputs for the norms tests: profiles with chosen values, and demo-based alliances on disk."""

from __future__ import annotations

from pathlib import Path

from samenspel.norms import Profile

Q2 = "samenspel-core@2.0"


def profile(alliance: str, values: dict[str, float], *, form: str | None = None, phase: int | None = None,
            size: str | None = "4-6", questionnaire: str = Q2, period: str | None = None) -> Profile:
    return Profile(alliance=alliance, round="r1", questionnaire=questionnaire, modules=(), measures=dict(values),
                   phase=phase, alliance_form=form, size_band=size, period=period)


def demo_alliances(root: Path, n: int, *, opted_in: bool = True) -> list[Path]:
    """``n`` demo alliances (different seeds, own ids) in their own directories with an alliance.yaml each."""
    from samenspel.demo import make_demo
    from samenspel.responses.model import ResponseSet
    from samenspel.responses.writer import write_csv

    forms = ("joint_venture", "multi_partner")
    files = []
    for i in range(n):
        demo = make_demo(seed=100 + i)
        last = demo.rounds()[-1]
        answers = tuple(a._replace(alliance=f"alliance-{i:02d}") for a in demo.answers if a.round == last)
        d = root / f"alliance-{i:02d}"
        d.mkdir(parents=True)
        path = d / "antwoorden.csv"
        write_csv(ResponseSet(answers, str(path)), path)
        (d / "alliance.yaml").write_text(
            f"alliance_form: {forms[i % 2]}\nnorms: {'true' if opted_in else 'false'}\n", encoding="utf-8")
        files.append(path)
    return files
