"""Fixed texts of the steering-group report, in Dutch and English.

Texts about the models come from the knowledge base; these are only the
report's own headings, captions and connecting sentences.
"""

from __future__ import annotations

from samenspel.i18n import Text

L: dict[str, Text] = {
    # cover and page one
    "doc_title": Text("Samenspel-rapport voor de stuurgroep", "Samenspel report for the steering group"),
    "round_line": Text("Meetronde {round} · gemaakt op {date}", "Measurement round {round} · made on {date}"),
    "page": Text("Pagina", "Page"),
    "of": Text("van", "of"),
    "page_one": Text("Wat de stuurgroep moet weten", "What the steering group needs to know"),
    "response_line": Text("{n} respondenten van {p} partners", "{n} respondents from {p} partners"),
    "response_rate": Text("respons {rate}", "response rate {rate}"),
    "reliability_all": Text("alle {k} invalshoeken meten betrouwbaar",
                            "all {k} angles are measured reliably"),
    "reliability_some": Text("{ok} van de {k} invalshoeken meten betrouwbaar; minder betrouwbaar: {low}",
                             "{ok} of the {k} angles are measured reliably; less reliable: {low}"),
    "reliability_none": Text("betrouwbaarheid niet te bepalen", "reliability could not be determined"),
    "glance": Text("Scores van alle respondenten (0-100): {scores}.", "Scores of all respondents (0-100): {scores}."),
    "signals": Text("De drie sterkste signalen", "The three strongest signals"),
    "no_signals": Text("Deze meting laat geen duidelijke knelpunten zien.", "This measurement shows no clear problems."),
    "phase_box": Text("Fase", "Phase"),
    "phase_line": Text("Fase {axis}: {name}", "Phase {axis}: {name}"),
    "phase_share": Text("{share} van de respondenten ziet de samenwerking in deze fase.",
                        "{share} of the respondents place the collaboration in this phase."),
    "phase_spread": Text("Verdeling over de fasen 1 tot 4: {parts}.", "Spread over phases 1 to 4: {parts}."),
    "phase_question": Text("Centrale vraag: {q}", "Central question: {q}"),
    "no_phase": Text("De fase is niet gevraagd of niet beantwoord.", "The phase was not asked or not answered."),
    "trust_box": Text("Vertrouwen en formele afstemming", "Trust and formal alignment"),
    "trust_line": Text("Vertrouwen {t}, formele afstemming {f} (0-100).", "Trust {t}, formal alignment {f} (0-100)."),
    "no_trust": Text("Vertrouwen en formele afstemming zijn niet gemeten.", "Trust and formal alignment were not measured."),
    "governance_line": Text("Onzekerheid in de relatie {r}, in het werkveld {f}: {name}.",
                            "Uncertainty in the relationship {r}, in the field of work {f}: {name}."),
    "discuss_first": Text("Wat eerst bespreken", "What to discuss first"),
    "discuss_problem": Text("{name}: {question}", "{name}: {question}"),
    "discuss_divergence": Text("Waarom kijken de partners zo verschillend naar {name}?",
                               "Why do the partners see {name} so differently?"),
    "discuss_phase": Text("In de fase {name}: {todo}", "In the phase {name}: {todo}"),
    # signals
    "sig_problem": Text("Mogelijk knelpunt: {name}", "Possible problem: {name}"),
    "sig_divergence": Text("Partners zien {name} verschillend", "Partners see {name} differently"),
    "sig_divergence_detail": Text("Hoogste partnerscore {hi} ({hi_p}), laagste {lo} ({lo_p}).",
                                  "Highest partner score {hi} ({hi_p}), lowest {lo} ({lo_p})."),
    "sig_low": Text("Lage score op {name}", "Low score on {name}"),
    "sig_low_detail": Text("{score} van 100; het midden is 50.", "{score} out of 100; the midpoint is 50."),
    "sig_tension": Text("De spanning {name} belemmert", "The tension {name} is a hindrance"),
    "sig_tension_detail": Text("Belemmering {t} van 100.", "Hindrance {t} out of 100."),
    "sig_drop": Text("{name} is gedaald sinds de vorige meting", "{name} has dropped since the previous round"),
    "sig_drop_detail": Text("Van {prev} naar {now} ({p}).", "From {prev} to {now} ({p})."),
    # domains
    "domains": Text("De vijf invalshoeken", "The five angles"),
    "domains_intro": Text(
        "Elke invalshoek is een score van 0 tot 100: 0 is het laagst mogelijke antwoord, 100 het hoogste, 50 het "
        "midden. De grijze balk is de score van alle respondenten samen; de symbolen zijn de partners met "
        "minstens {min} respondenten.",
        "Each angle is a score from 0 to 100: 0 is the lowest possible answer, 100 the highest, 50 the midpoint. "
        "The grey bar is the score of all respondents together; the symbols are the partners with at least "
        "{min} respondents."),
    "score_axis": Text("score (0-100)", "score (0-100)"),
    "domains_chart": Text("Scores per invalshoek", "Scores per angle"),
    "all_respondents": Text("Alle respondenten", "All respondents"),
    "partner": Text("Partner", "Partner"),
    "respondents": Text("Respondenten", "Respondents"),
    "too_few": Text("te weinig respondenten om apart te tonen", "too few respondents to show separately"),
    "hidden_note": Text(
        "Partners met minder dan {min} respondenten krijgen geen eigen cijfers; hun antwoorden tellen wel mee in "
        "de scores van alle respondenten samen.",
        "Partners with fewer than {min} respondents get no figures of their own; their answers do count in the "
        "scores of all respondents together."),
    "hidden_names": Text("Dat geldt voor: {names}.", "This applies to: {names}."),
    # divergence
    "divergence": Text("Waar partners verschillend kijken", "Where partners see things differently"),
    "divergence_intro": Text(
        "Een verschil telt als de partners duidelijk en niet toevallig uiteenlopen (eta² vanaf 0,06 en p < 0,05). "
        "Eta² is het deel van de verschillen tussen mensen dat samenhangt met hun organisatie: 0,06 is een "
        "middelgroot, 0,14 een groot verschil.",
        "A difference counts when the partners clearly and not by chance diverge (eta² from 0.06 and p < 0.05). "
        "Eta² is the share of the differences between people that goes with their organisation: 0.06 is a medium, "
        "0.14 a large difference."),
    "div_domain": Text("Invalshoek", "Angle"),
    "div_size": Text("Verschil", "Difference"),
    "div_range": Text("Hoogste en laagste partner", "Highest and lowest partner"),
    "div_large": Text("groot", "large"),
    "div_medium": Text("middelgroot", "medium"),
    "div_small": Text("klein", "small"),
    "div_none": Text("Op geen enkele invalshoek verschillen de partners duidelijk.",
                     "The partners do not clearly differ on any angle."),
    "div_items": Text("Vragen waarop de partners het meest verschillen", "Questions on which the partners differ most"),
    "item": Text("Vraag", "Question"),
    # paradoxes
    "paradoxes": Text("Paradoxen: waar staan we en waar willen we heen", "Paradoxes: where we are and where we want to be"),
    "paradoxes_intro": Text(
        "Elke paradox is een spanning tussen twee polen die allebei waardevol zijn; het gaat om de balans. "
        "Links staat pool A (0), rechts pool B (100). Het zwarte rondje is waar de respondenten de samenwerking nu "
        "zien, het open vierkant waar ze heen willen.",
        "Each paradox is a tension between two poles that are both valuable; balance is what matters. Pole A (0) "
        "is on the left, pole B (100) on the right. The black dot is where respondents see the collaboration now, "
        "the open square where they want it to be."),
    "paradox": Text("Paradox", "Paradox"),
    "now": Text("Nu", "Now"),
    "desired": Text("Gewenst", "Desired"),
    "tension": Text("Belemmering", "Hindrance"),
    "polarisation": Text("Polarisatie", "Polarisation"),
    "paradox_note": Text(
        "Belemmering: hoe sterk de spanning het werk hindert (0-100). Polarisatie: 0 is eensgezind, 1 is twee "
        "tegenovergestelde kampen.",
        "Hindrance: how strongly the tension hinders the work (0-100). Polarisation: 0 is consensus, 1 is two "
        "opposite camps."),
    # network
    "network": Text("Het netwerk tussen de partners", "The network between the partners"),
    "network_intro": Text(
        "Respondenten beoordeelden hun vertrouwen in elke andere partner (0-100). Pijlen van partners met te weinig "
        "respondenten zijn weggelaten.",
        "Respondents rated their trust in each other partner (0-100). Arrows from partners with too few respondents "
        "are left out."),
    "network_line": Text(
        "Dichtheid {d} (deel van alle mogelijke relaties dat er is), wederkerigheid {r} (deel van de relaties dat "
        "beide kanten op gaat).",
        "Density {d} (share of all possible relations that exist), reciprocity {r} (share of relations that go "
        "both ways)."),
    "network_findings": Text("Wat opvalt in het netwerk", "What stands out in the network"),
    "network_none": Text("Geen opvallende patronen in het netwerk.", "No notable patterns in the network."),
    "net_dominant": Text("{p0} heeft de meeste macht in het netwerk.", "{p0} holds the most power in the network."),
    "net_camps": Text("Het vertrouwen valt uiteen in groepen: {groups}.", "Trust splits into groups: {groups}."),
    "net_camps_numbers": Text("Binnen een groep is het vertrouwen gemiddeld {within}, tussen de groepen {between}.",
                              "Mean trust is {within} within a group and {between} between groups."),
    "net_distrusted": Text("{p0} krijgt weinig vertrouwen van de andere partners.",
                           "{p0} receives little trust from the other partners."),
    "net_peripheral": Text("{p0} staat aan de rand van het netwerk.", "{p0} is on the edge of the network."),
    "net_isolated": Text("{p0} heeft geen enkele relatie in het netwerk.", "{p0} has no relation in the network at all."),
    "net_broker": Text("{p0} is een verbindende schakel tussen andere partners.",
                       "{p0} is a linking pin between other partners."),
    "no_network": Text("Er zijn geen relatievragen beantwoord.", "No relation questions were answered."),
    # problems
    "problems": Text("Knelpunten, onderbouwing en interventies", "Problems, evidence and interventions"),
    "problems_intro": Text(
        "Een knelpunt is een van de herkenbare patronen uit de alliantiekunde. De sterkte (0-1) zegt hoe duidelijk "
        "de tekenen in deze meting zijn; vanaf {strong} noemen we het een duidelijk signaal.",
        "A problem is one of the recognisable patterns from alliance studies. Its strength (0-1) says how clear the "
        "signs are in this measurement; from {strong} we call it a clear signal."),
    "strength": Text("sterkte {s}", "strength {s}"),
    "evidence": Text("Waarop dit rust", "What this rests on"),
    "interventions": Text("Wat u kunt doen", "What you can do"),
    "suited": Text("past bij de huidige fase", "suits the current phase"),
    "suited_intro": Text("Passend bij de fase waarin de samenwerking nu zit:", "Suited to the phase the collaboration is in now:"),
    "others": Text("Ook mogelijk, in een andere fase: {names}.", "Also possible, in another phase: {names}."),
    "weak_problems": Text("Zwakke signalen, om in de gaten te houden", "Weak signals, to keep an eye on"),
    "no_problems": Text("Er zijn geen knelpunten gevonden.", "No problems were found."),
    "source": Text("Bron", "Source"),
    # trend
    "trend": Text("Ontwikkeling sinds de vorige meting", "Change since the previous round"),
    "trend_intro": Text(
        "Vergelijking met meetronde {r}. Een verandering heet betekenisvol als zij waarschijnlijk niet op toeval "
        "berust (p < 0,05).",
        "Comparison with round {r}. A change is called meaningful when it is unlikely to be chance (p < 0.05)."),
    "trend_chart": Text("Scores vorige en deze meting", "Scores previous and this round"),
    "previous": Text("Vorige", "Previous"),
    "change": Text("Verandering", "Change"),
    "meaningful": Text("Betekenisvol?", "Meaningful?"),
    "yes": Text("ja", "yes"),
    "no": Text("nee", "no"),
    "new_problems": Text("Nieuw gevonden knelpunten: {p}.", "Problems found for the first time: {p}."),
    "gone_problems": Text("Niet meer gevonden: {p}.", "No longer found: {p}."),
    "no_trend": Text("Dit is de eerste meting; er is nog geen ontwikkeling te zien.",
                     "This is the first round; there is no change to show yet."),
    # agenda
    "agenda": Text("Agenda voor het volgende reflectiemoment", "Agenda for the next reflection moment"),
    "agenda_intro": Text(
        "Een reflectiemoment in vier stappen, gevuld met wat deze meting liet zien. Veiligheid maakt openheid "
        "mogelijk, en openheid verdiept het vertrouwen.",
        "A reflection moment in four steps, filled with what this measurement showed. Safety makes openness "
        "possible, and openness deepens trust."),
    "step": Text("Stap {n}", "Step {n}"),
    "from_measurement": Text("Uit deze meting", "From this measurement"),
    "agenda_strong": Text("Sterkste invalshoek: {name} ({score}).", "Strongest angle: {name} ({score})."),
    "agenda_weak": Text("Zwakste invalshoek: {name} ({score}).", "Weakest angle: {name} ({score})."),
    "agenda_motives": Text("Overlap in motieven tussen de partners: {o} (0 = geen, 1 = gelijk).",
                           "Overlap of motives between the partners: {o} (0 = none, 1 = identical)."),
    "agenda_questions": Text("Vragen om elkaar te stellen over {name}", "Questions to ask each other about {name}"),
    "agenda_options": Text("Mogelijke interventies om te bespreken", "Possible interventions to discuss"),
    "agenda_phase": Text("Wat te doen in de fase {name}", "What to do in the phase {name}"),
    "decisions": Text("Besluiten", "Decisions"),
    "decision_what": Text("Wat", "What"),
    "decision_who": Text("Wie", "Who"),
    "decision_when": Text("Wanneer", "When"),
    # appendix
    "appendix": Text("Bijlage: verantwoording", "Appendix: method"),
    "who_answered": Text("Wie antwoordden", "Who answered"),
    "invited": Text("Uitgenodigd", "Invited"),
    "rate": Text("Respons", "Response rate"),
    "total": Text("Totaal", "Total"),
    "roles_line": Text("Naar rol: {roles}.", "By role: {roles}."),
    "role_board": Text("bestuur", "board"),
    "role_manager": Text("management", "management"),
    "role_staff": Text("medewerkers", "staff"),
    "role_other": Text("overig", "other"),
    "names_note": Text("Het rapport noemt geen namen van respondenten.", "The report names no respondents."),
    "scores_title": Text("Wat de scores betekenen", "What the scores mean"),
    "scores_text": Text(
        "Alle scores staan op een schaal van 0 tot 100 (POMP: percentage van het maximaal mogelijke). Per "
        "respondent is het gemiddelde antwoord op de vragen van een schaal omgerekend: 0 is overal het laagste "
        "antwoord, 100 overal het hoogste, 50 het midden. Zo betekenen hoog en laag op elke schaal hetzelfde. "
        "Vragen die omgekeerd gesteld zijn, tellen omgekeerd mee. 'Weet niet' telt niet mee, en zeker niet als nul.",
        "All scores are on a scale from 0 to 100 (POMP: percent of maximum possible). For each respondent the mean "
        "answer to a scale's questions is converted: 0 is the lowest answer everywhere, 100 the highest, 50 the "
        "midpoint. So high and low mean the same on every scale. Questions asked the other way round count the "
        "other way round. 'Don't know' does not count, and certainly not as zero."),
    "reliability_title": Text("Betrouwbaarheid", "Reliability"),
    "reliability_text": Text(
        "Betrouwbaarheid zegt of de vragen van een schaal samen één ding meten. Cronbachs alfa en McDonalds omega "
        "lopen van 0 tot 1; vanaf {low} noemen we een schaal voldoende betrouwbaar. Eensgezindheid (rwg, 0-1) zegt "
        "hoe dicht de antwoorden bij elkaar liggen.",
        "Reliability says whether a scale's questions together measure one thing. Cronbach's alpha and McDonald's "
        "omega run from 0 to 1; from {low} we call a scale sufficiently reliable. Agreement (rwg, 0-1) says how "
        "close the answers are to each other."),
    "scale": Text("Schaal", "Scale"),
    "items_n": Text("Vragen", "Questions"),
    "alpha": Text("Alfa", "Alpha"),
    "omega": Text("Omega", "Omega"),
    "rwg": Text("Eensgezindheid", "Agreement"),
    "rules_title": Text("Hoe knelpunten worden herkend", "How problems are recognised"),
    "rules_text": Text(
        "Elk knelpunt heeft een vaste regel: een aantal aanwijzingen uit de vragenlijst en het netwerk (scores, "
        "verschillen tussen partners, relaties), elk met een drempel en een gewicht. Hoe verder een aanwijzing "
        "voorbij haar drempel ligt, hoe meer zij bijdraagt; de sterkte is het gewogen gemiddelde. Een knelpunt "
        "wordt alleen beoordeeld als er genoeg gegevens zijn. De volledige regels staan in docs/RULES.md.",
        "Each problem has a fixed rule: a number of signs from the questionnaire and the network (scores, "
        "differences between partners, relations), each with a threshold and a weight. The further a sign lies "
        "beyond its threshold, the more it contributes; the strength is the weighted mean. A problem is only judged "
        "when there is enough data. The full rules are in docs/RULES.md."),
    "rule_problem": Text("Knelpunt", "Problem"),
    "rule_signs": Text("Waar de regel naar kijkt", "What the rule looks at"),
    "rule_low": Text("laag", "low"),
    "rule_high": Text("hoog", "high"),
    "privacy_title": Text("Privacy", "Privacy"),
    "privacy_text": Text(
        "Cijfers per partner staan alleen in dit rapport als die partner minstens {min} respondenten heeft. Zo "
        "is niemands antwoord terug te herleiden.",
        "Figures per partner only appear in this report when that partner has at least {min} respondents. That "
        "way nobody's answer can be traced back."),
    "sources_title": Text("Bronnen van de modellen", "Sources of the models"),
    "warnings": Text("Let op bij het lezen", "Keep in mind when reading"),
    "w_hidden": Text("Partners met te weinig respondenten om apart te tonen: {names}.",
                     "Partners with too few respondents to show separately: {names}."),
    "w_low_rel": Text("De schaal {name} is minder betrouwbaar (alfa of omega {v}); lees die score met voorzichtigheid.",
                      "The scale {name} is less reliable (alpha or omega {v}); read that score with care."),
    "w_small_n": Text("De betrouwbaarheid van {name} rust op weinig respondenten.",
                      "The reliability of {name} rests on few respondents."),
    "w_not_judged": Text("Het knelpunt {name} is niet beoordeeld: daarvoor waren te weinig gegevens.",
                         "The problem {name} was not judged: there was too little data."),
    # scale names outside the knowledge base's domains
    "scale_trust": Text("Vertrouwen", "Trust"),
    "scale_formal_overlap": Text("Formele afstemming", "Formal alignment"),
    "scale_uncertainty:relational": Text("Onzekerheid in de relatie", "Uncertainty in the relationship"),
    "scale_uncertainty:field": Text("Onzekerheid in het werkveld", "Uncertainty in the field of work"),
}


def t(key: str, lang: str, **kw: object) -> str:
    """The fixed text ``key`` in ``lang``, with ``kw`` filled in."""
    text = L[key].get(lang)
    return text.format(**kw) if kw else text
