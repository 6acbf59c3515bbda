"""Open answers and the README of the demo alliance, written for the demo (not from the seeds)."""

from __future__ import annotations

# Open answers as a respondent might type them; commas, quotes and a
# semicolon included on purpose so exports and imports get exercised.
OPEN_ANSWERS_NL: tuple[str, ...] = (
    "Wie beslist er nu eigenlijk? Dat is mij na een jaar nog steeds niet duidelijk.",
    "Het ziekenhuis bepaalt de agenda, wij mogen aanschuiven.",
    "Mooi dat de wijkteams en de huisartsen elkaar nu echt kennen.",
    "Minder vergaderen, meer doen in de wijk.",
    "We zeggen \"samen\", maar iedereen rekent nog voor de eigen organisatie.",
    "De regiegroep zou vaker moeten terugkijken op wat wel en niet werkt.",
    "Trots op de gezamenlijke aanpak rond ontslag uit het ziekenhuis; patiënten merken het verschil.",
    "Ik mis een duidelijke rolverdeling: wie trekt welk project?",
    "De verzekeraar kijkt vooral naar de kosten; begrijpelijk, maar het remt.",
    "Er is veel goede wil, alleen de uitvoering blijft hangen.",
    "Sinds de nieuwe projectleider lopen de afspraken beter.",
    "Als kleine partij voel ik me niet altijd gehoord.",
    "Graag een gezamenlijk jaarplan met heldere mijlpalen.",
    "De sfeer is goed, de besluitvorming traag.",
    "We moeten de achterban beter meenemen, anders blijft het iets van een paar mensen.",
    "Het 'wij' en 'zij' tussen cure en care is nog niet weg.",
)
OPEN_ANSWERS_EN: tuple[str, ...] = (
    "Decisions are made in the corridors, not at the table.",
    "Good people, but roles are unclear; who owns which project?",
    "I would like a shared plan with clear milestones.",
    "The joint discharge pathway is something to be proud of.",
)

README = """\
# Demo: Zorgalliantie Rivierenland

Synthetic answers of an invented alliance, made by `samenspel demo`
(seed {seed}). Every organisation and person in it is made up.

**English.** Zorgalliantie Rivierenland (`{alliance}`) is a fictional
public-private partnership in regional care: a hospital, a municipality, a
health insurer, a home-care organisation, a GP co-operative and a small
welfare foundation. It was measured twice, in spring and autumn 2025; most
people answered both times, a few left and a few joined. The data contain
patterns to discover: the hospital dominates (others depend on it and rate
its influence high), trust splits into two mild camps, partners differ in
how much they share the ambition, organisation is weak in spring and better
in autumn, and most people place the alliance in phase 2 or 3. The welfare
foundation has only two respondents, so its own figures stay hidden. Both
rounds answered questionnaire 2.0's default full round (column `instrument`);
an empty answer says why (column `missing`).

**Nederlands.** Zorgalliantie Rivierenland (`{alliance}`) is een verzonnen
publiek-private samenwerking in de regionale zorg: een ziekenhuis, een
gemeente, een zorgverzekeraar, een thuiszorgorganisatie, een
huisartsencoöperatie en een kleine welzijnsstichting. Er is twee keer
gemeten, in het voorjaar en het najaar van 2025; de meeste mensen deden
beide keren mee, enkelen vertrokken of kwamen erbij. In de gegevens zitten
patronen om te ontdekken: het ziekenhuis domineert (de anderen zijn ervan
afhankelijk en schatten zijn invloed hoog in), het vertrouwen valt uiteen in
twee milde kampen, de partners delen de ambitie in verschillende mate, de
organisatie schiet in het voorjaar tekort en is in het najaar beter, en de
meesten plaatsen de samenwerking in fase 2 of 3. De welzijnsstichting heeft
maar twee respondenten; haar eigen cijfers blijven daarom verborgen. Beide
rondes vulden de standaardronde van vragenlijst 2.0 in (kolom `instrument`);
een leeg antwoord zegt waarom (kolom `missing`).

| partner | respondents spring / autumn |
|---|---|
{table}

Files: `responses.csv` and `responses.xlsx` (the same {n_answers} answers, format of FORMATS.md §2).
Try / probeer: `samenspel validate responses.csv`
"""
