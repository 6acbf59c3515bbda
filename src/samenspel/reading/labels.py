"""Every fixed text of every output, in Dutch and English: the one label catalogue.

Texts about the models come from the knowledge base; these are the outputs'
own headings, captions, connecting sentences, the wording of the analysis'
codes (notices, evidence, network findings) and the names of the scales that
are not domains. Text, markdown, JSON sentences, the report and the dashboard
all take their words from here, so they say the same thing the same way.
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
    "signals": Text("Wat opvalt", "What stands out"),
    "no_signals": Text("Deze meting laat geen duidelijke knelpunten zien.", "This measurement shows no clear problems."),
    "fewer_signals": Text("Verder laat deze meting niets duidelijk zien; zwakkere signalen staan bij de details.",
                          "Nothing else shows clearly in this measurement; weaker signals are in the details."),
    "strengths": Text("Wat goed gaat", "What goes well"),
    "no_strengths": Text("Geen invalshoek scoort duidelijk hoog en eensgezind.",
                         "No angle scores clearly high with agreement."),
    "advice": Text("Wat u eerst kunt doen", "What you could do first"),
    "advice_why": Text("Waarom hier", "Why here"),
    "first_step": Text("Eerste stap", "First step"),
    "advice_not_used": Text("Nog niet meegewogen (vul in bij de alliantie): {what}.",
                            "Not weighed yet (fill in for the alliance): {what}."),
    "ctx_form": Text("waar de samenwerking om draait (zoals ketenintegratie of gezamenlijke inkoop)",
                     "what the collaboration is about (such as supply chain integration or joint purchasing)"),
    "ctx_alliance_form": Text("hoe de alliantie is opgezet (zoals een contractuele alliantie of een joint venture)",
                              "how the alliance is set up (such as a contractual alliance or a joint venture)"),
    "ctx_phase_detail": Text("de fase volgens de stuurgroeppraktijk (ontdekken en leren, of productiviteit)",
                             "the phase in steering-group practice (discover and learn, or productivity)"),
    "ctx_governance": Text("het sturingsmodel", "the governance model"),
    "ctx_phase": Text("de fase", "the phase"),
    "why_phase": Text("past bij deze fase", "suits this phase"),
    "why_problem": Text("werkt aan {name}", "addresses {name}"),
    "conflicts": Text("Adviezen die elkaar tegenspreken", "Advice that points two ways"),
    "quality_line": Text("{response}; {reliability}.", "{response}; {reliability}."),
    "not_counted": Text("{k} lege of bijna lege inzendingen tellen niet mee", "{k} empty or nearly empty submissions do not count"),
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
    "trend_intro": Text("Vergelijking met meetronde {r}.", "Comparison with round {r}."),
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
    "privacy_changed": Text(
        "Let op: op {date} is de minimale groepsgrootte veranderd van {old} in {new}, nadat er al antwoorden binnen "
        "waren.",
        "Note: on {date} the minimum group size was changed from {old} to {new}, after answers had come in."),
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
    # findings: headlines and plain details (page one: no statistics)
    "f_problem": Text("{name}", "{name}"),
    "f_problem_weak": Text("{name} (zwak signaal)", "{name} (weak signal)"),
    "f_divergence": Text("Partners kijken verschillend naar {name}", "Partners see {name} differently"),
    "f_divergence_detail": Text("Hoogste partner {hi} ({hi_p}), laagste {lo} ({lo_p}); n = {n}.",
                                "Highest partner {hi} ({hi_p}), lowest {lo} ({lo_p}); n = {n}."),
    "f_low": Text("Lage score op {name}", "Low score on {name}"),
    "f_low_detail": Text("{score} van 100 (n = {n}); het midden is 50.", "{score} out of 100 (n = {n}); the midpoint is 50."),
    "f_tension": Text("De spanning {name} belemmert het werk", "The tension {name} hinders the work"),
    "f_tension_detail": Text("Belemmering {t} van 100 (n = {n}).", "Hindrance {t} out of 100 (n = {n})."),
    "f_drop": Text("{name} is gedaald sinds de vorige meting", "{name} has dropped since the previous round"),
    "f_rise": Text("{name} is gestegen sinds de vorige meting", "{name} has risen since the previous round"),
    "f_drop_detail": Text("Van {prev} naar {now} (n = {n}).", "From {prev} to {now} (n = {n})."),
    "f_strength": Text("{name} is een sterk punt", "{name} is a strength"),
    "f_strength_detail": Text("{score} van 100 en de respondenten zijn het erover eens (n = {n}).",
                              "{score} out of 100 and the respondents agree on it (n = {n})."),
    "clear_signal": Text("duidelijk signaal", "clear signal"),
    "weak_signal": Text("zwak signaal", "weak signal"),
    "n_of": Text("n = {n} uit {p} partners", "n = {n} from {p} partners"),
    "n_raters": Text("{n} beoordelaars uit {p} partners", "{n} raters from {p} partners"),
    "too_few_answers": Text("te weinig antwoorden", "too few answers"),
    "not_measured": Text("niet gemeten", "not measured"),
    # evidence: one sentence per indicator; {value}, {start}, {n}, {p}, {about0}, {about1} are filled in
    "ev_domain.ambition": Text("De gedeelde ambitie scoort {value}", "Shared ambition scores {value}"),
    "ev_domain.interests": Text("De belangen scoren {value}", "Interests score {value}"),
    "ev_domain.relation": Text("De relatie scoort {value}", "The relationship scores {value}"),
    "ev_domain.organisation": Text("De organisatie van de samenwerking scoort {value}",
                                   "The organisation of the collaboration scores {value}"),
    "ev_domain.process": Text("Het proces scoort {value}", "The process scores {value}"),
    "ev_ambition_gap": Text("De partners liggen {value} punten uiteen in hoe zij de ambitie zien",
                            "The partners are {value} points apart in how they see the ambition"),
    "ev_partner_range_share": Text("Op {pct} van de invalshoeken liggen de partners 25 punten of meer uiteen",
                                   "On {pct} of the angles the partners are 25 points or more apart"),
    "ev_motive_overlap": Text("De motieven van de partners overlappen weinig ({value} op een schaal van 0 tot 1)",
                              "The partners' motives overlap little ({value} on a scale from 0 to 1)"),
    "ev_ambition_change": Text("De ambitiescore veranderde {value} punten sinds de vorige meting",
                               "The ambition score changed by {value} points since the previous round"),
    "ev_form_over_substance": Text("De vorm (organisatie, proces) scoort {value} punten hoger dan de inhoud (ambitie, inzet)",
                                   "Form (organisation, process) scores {value} points above substance (ambition, commitment)"),
    "ev_commitment_minus_backing": Text("De eigen inzet ligt {value} punten boven de steun van de eigen organisaties",
                                        "Own commitment is {value} points above the backing of the home organisations"),
    "ev_trust": Text("Het onderling vertrouwen scoort {value}", "Mutual trust scores {value}"),
    "ev_formal_overlap": Text("De afstemming van doelen, afspraken en procedures scoort {value}",
                              "Alignment of goals, agreements and procedures scores {value}"),
    "ev_signal.turnover": Text("Wisselingen van mensen aan tafel scoren {value}", "Changes of people at the table score {value}"),
    "ev_signal.continuity": Text("Continuïteit van de mensen scoort {value}", "Continuity of the people scores {value}"),
    "ev_signal.backing": Text("Steun van de eigen organisaties scoort {value}", "Backing of the home organisations scores {value}"),
    "ev_signal.commitment": Text("Inzet van tijd en middelen scoort {value}", "Commitment of time and means scores {value}"),
    "ev_signal.results": Text("Zichtbare resultaten scoren {value}", "Visible results score {value}"),
    "ev_signal.energy": Text("Energie en inspiratie scoren {value}", "Energy and inspiration score {value}"),
    "ev_signal.perspective": Text("Inspiratie door het gezamenlijke doel scoort {value}",
                                  "Inspiration from the shared goal scores {value}"),
    "ev_signal.agreements_kept": Text("Het nakomen van afspraken scoort {value}", "Keeping agreements scores {value}"),
    "ev_signal.talk_not_do": Text("'Meer praten dan doen' scoort {value}", "'More talk than action' scores {value}"),
    "ev_signal.rules_burden": Text("Last van regels, checklists en rapportages scoort {value}",
                                   "Burden of rules, checklists and reports scores {value}"),
    "ev_signal.voice": Text("Inspraak van kleinere partners scoort {value}", "Say of smaller partners scores {value}"),
    "ev_signal.dominance": Text("'Eén partner heeft te veel te zeggen' scoort {value}",
                                "'One partner has too much say' scores {value}"),
    "ev_signal.stereotypes": Text("Praten in 'wij en zij' scoort {value}", "Talking in terms of 'us and them' scores {value}"),
    "ev_signal.values_fit": Text("Passen van waarden en werkstijlen scoort {value}",
                                 "Fit of values and working styles scores {value}"),
    "ev_signal.torn_loyalty": Text("Verscheurd zijn tussen eigen organisatie en alliantie scoort {value}",
                                   "Being torn between own organisation and the alliance scores {value}"),
    "ev_leadership.function": Text("'Coördineren is een taak, geen bron van macht' scoort {value}",
                                   "'Coordinating is a task, not a source of power' scores {value}"),
    "ev_leadership.independent": Text("'De voorzitter staat los van de belangen van één partner' scoort {value}",
                                      "'The chair stands apart from any one partner's interests' scores {value}"),
    "ev_leadership.neutral": Text("'De voorzitter kiest geen partij als belangen botsen' scoort {value}",
                                  "'The chair takes no side when interests clash' scores {value}"),
    "ev_governance.strategic_decisions": Text("Duidelijkheid over hoe strategische besluiten vallen scoort {value}",
                                              "Clarity on how strategic decisions are made scores {value}"),
    "ev_governance.participation": Text("'Alle partners hebben een stem in het bestuur' scoort {value}",
                                        "'All partners have a say in the governance' scores {value}"),
    "ev_governance.secretariat": Text("Duidelijkheid over de rol van het secretariaat scoort {value}",
                                      "Clarity on the secretariat's role scores {value}"),
    "ev_governance.accountability": Text("Verantwoording aan alle partners scoort {value}",
                                         "Accountability to all partners scores {value}"),
    "ev_conflict.power": Text("{pct} van de respondenten zegt dat een conflict vooral over macht gaat",
                              "{pct} of the respondents say a conflict is mainly about power"),
    "ev_conflict.relational": Text("{pct} van de respondenten zegt dat een conflict vooral over de relatie gaat",
                                   "{pct} of the respondents say a conflict is mainly about the relationship"),
    "ev_network.trust_deficit": Text("{about0} krijgt van dezelfde beoordelaars gemiddeld {value} punten minder vertrouwen dan de andere partners",
                                     "{about0} receives on average {value} points less trust than the other partners from the same raters"),
    "ev_network.camps": Text("Het vertrouwen valt uiteen in groepen: binnen een groep {value} punten hoger dan tussen de groepen",
                             "Trust splits into groups: {value} points higher within a group than between groups"),
    "ev_network.influence_lead": Text("{about0} wordt als invloedrijker gezien dan {about1}: {value} punten verschil",
                                      "{about0} is seen as more influential than {about1}: {value} points apart"),
    "ev_network.dependency_asymmetry": Text("{about0} is {value} punten meer afhankelijk van {about1} dan omgekeerd",
                                            "{about0} depends {value} points more on {about1} than the other way round"),
    "ev_network.trust_deficit_words": Text("{about0} krijgt van dezelfde beoordelaars minder vertrouwen dan de andere partners",
                                           "{about0} receives less trust than the other partners from the same raters"),
    "ev_network.influence_lead_words": Text("{about0} wordt als invloedrijker gezien dan {about1}",
                                            "{about0} is seen as more influential than {about1}"),
    "ev_network.dependency_asymmetry_words": Text("{about0} is veel meer afhankelijk van {about1} dan omgekeerd",
                                                  "{about0} depends far more on {about1} than the other way round"),
    "n_raters_words": Text("getoetst over beoordelaars van meerdere partners", "tested over raters of several partners"),
    "net_dominant_words": Text("{p0} heeft de meeste macht in het netwerk, duidelijk meer dan de volgende partner ({p1}).",
                               "{p0} holds the most power in the network, clearly more than the next partner ({p1})."),
    "ev_threshold_low": Text("signaal onder {start}", "signal below {start}"),
    "ev_threshold_high": Text("signaal vanaf {start}", "signal from {start}"),
    "ev_defining": Text("kenmerkend teken", "defining sign"),
    "ev_tested_network": Text("getoetst over beoordelaars, {p}", "tested over raters, {p}"),
    "ev_tested_divergence": Text("getoetst tussen partners, {p}", "tested between partners, {p}"),
    "ev_tested_change": Text("getoetst, {p}", "tested, {p}"),
    "ev_divergence": Text("De partners liggen {value} punten uiteen over {name}", "The partners are {value} points apart on {name}"),
    "ev_change": Text("{name} veranderde {value} punten sinds de vorige meting", "{name} changed by {value} points since the previous round"),
    "ev_tension": Text("De spanning '{name}' belemmert {value} van 100", "The tension '{name}' hinders {value} out of 100"),
    # notices: the analysis' warnings in words
    "notice_few_respondents": Text("Slechts {n} respondenten in deze ronde; de uitkomsten zijn een eerste indruk, geen conclusie.",
                                   "Only {n} respondents in this round; the results are a first impression, not a conclusion."),
    "notice_hidden_partners": Text(
        "Te weinig respondenten om eigen cijfers te tonen, ook samen: {names}. Hun antwoorden tellen in geen enkel "
        "cijfer mee, zodat niemands antwoord terug te rekenen is.",
        "Too few respondents to show figures of their own, also together: {names}. Their answers count in no figure, "
        "so that nobody's answer can be worked back."),
    "notice_merged_partners": Text(
        "Te weinig respondenten om eigen cijfers te tonen: {names}. Samen vormen zij de groep '{other}'.",
        "Too few respondents to show figures of their own: {names}. Together they form the group '{other}'."),
    "other_partners": Text("Overige partners", "Other partners"),
    "notice_no_partner_comparison": Text("Minder dan twee partners hebben {min} of meer respondenten; verschillen tussen partners zijn niet te toetsen.",
                                         "Fewer than two partners have {min} or more respondents; differences between partners cannot be tested."),
    "notice_small_n_reliability": Text("De betrouwbaarheid van {name} rust op {n} respondenten (minder dan {min}); lees die met voorzichtigheid.",
                                       "The reliability of {name} rests on {n} respondents (fewer than {min}); read it with care."),
    "notice_low_reliability": Text("De vragen over {name} meten niet goed één ding (alfa of omega {v}, lager dan {low}); lees die score met voorzichtigheid.",
                                   "The questions on {name} do not measure one thing well (alpha or omega {v}, below {low}); read that score with care."),
    "notice_rule_not_judged_thin": Text("{name}: te weinig antwoorden om te beoordelen ({what}).",
                                        "{name}: too few answers to judge ({what})."),
    "notice_rule_not_judged_missing": Text("{name}: niet beoordeeld, want niet gemeten ({what}).",
                                           "{name}: not judged, because not measured ({what})."),
    "notice_not_counted": Text("{n} lege of bijna lege inzendingen tellen niet mee (minder dan de helft van de vragen over de vijf invalshoeken beantwoord).",
                               "{n} empty or nearly empty submissions do not count (fewer than half of the questions on the five angles answered)."),
    "notice_trend_shared_items": Text(
        "De vergelijking met ronde {round} gebruikt alleen de vragen die beide vragenlijsten delen{versions}; dat "
        "geldt voor: {names}.",
        "The comparison with round {round} uses only the questions both questionnaires share{versions}; this holds "
        "for: {names}."),
    "notice_versions": Text(" ({before} en {after})", " ({before} and {after})"),
    "notice_trend_factors_restart": Text(
        "Sinds vragenlijst {version} worden faalfactoren, succesvoorwaarden en motieven met ja / nee / weet ik niet "
        "gevraagd in plaats van aangekruist; hun reeks begint opnieuw.",
        "Since questionnaire {version}, failure factors, success conditions and motives are asked yes / no / don't "
        "know instead of ticked; their series starts again."),
    "notice_trend_restarted": Text("Zonder gedeelde vragen met ronde {round}, dus zonder trend: {names}.",
                                   "No questions in common with round {round}, so no trend: {names}."),
    # network findings, in words; partners by their display names
    "net_dominant_partner": Text("{p0} heeft de meeste macht in het netwerk, {gap} punten boven de volgende partner ({p1}).",
                                 "{p0} holds the most power in the network, {gap} points above the next partner ({p1})."),
    "net_asymmetric_dependency": Text("{p0} is meer afhankelijk van {p1} dan omgekeerd: {a_to_b} tegenover {b_to_a}.",
                                      "{p0} depends more on {p1} than the other way round: {a_to_b} against {b_to_a}."),
    "net_discordant": Text("{p0} en {p1} zien hun onderlinge {dimension} heel verschillend: {a_to_b} tegenover {b_to_a}.",
                           "{p0} and {p1} see their mutual {dimension} very differently: {a_to_b} against {b_to_a}."),
    "dim_trust": Text("vertrouwen", "trust"),
    "dim_dependency": Text("afhankelijkheid", "dependency"),
    "dim_influence": Text("invloed", "influence"),
    "dim_exchange": Text("uitwisseling", "exchange"),
    # what each indicator measures, in a few words (for "not judged: too few answers on ...")
    "ind_ambition_gap": Text("verschil tussen partners over de ambitie", "difference between partners on the ambition"),
    "ind_partner_range_share": Text("verschillen tussen partners op de invalshoeken", "differences between partners on the angles"),
    "ind_motive_overlap": Text("overlap van motieven", "overlap of motives"),
    "ind_ambition_change": Text("verandering van de ambitie", "change of the ambition"),
    "ind_form_over_substance": Text("vorm tegenover inhoud", "form against substance"),
    "ind_commitment_minus_backing": Text("inzet tegenover steun van de achterban", "commitment against backing"),
    "ind_trust": Text("onderling vertrouwen", "mutual trust"),
    "ind_formal_overlap": Text("formele afstemming", "formal alignment"),
    "ind_signal.turnover": Text("wisselingen aan tafel", "changes at the table"),
    "ind_signal.continuity": Text("continuïteit van de mensen", "continuity of the people"),
    "ind_signal.backing": Text("steun van de eigen organisatie", "backing of the own organisation"),
    "ind_signal.commitment": Text("inzet van tijd en middelen", "commitment of time and means"),
    "ind_signal.results": Text("zichtbare resultaten", "visible results"),
    "ind_signal.energy": Text("energie", "energy"),
    "ind_signal.perspective": Text("inspiratie door het doel", "inspiration from the goal"),
    "ind_signal.agreements_kept": Text("nakomen van afspraken", "keeping agreements"),
    "ind_signal.talk_not_do": Text("meer praten dan doen", "more talk than action"),
    "ind_signal.rules_burden": Text("last van regels", "burden of rules"),
    "ind_signal.voice": Text("inspraak van kleinere partners", "say of smaller partners"),
    "ind_signal.dominance": Text("één partner met te veel zeggenschap", "one partner with too much say"),
    "ind_signal.stereotypes": Text("wij-zij-denken", "us-and-them thinking"),
    "ind_signal.values_fit": Text("passen van waarden en werkstijlen", "fit of values and working styles"),
    "ind_signal.torn_loyalty": Text("verscheurde loyaliteit", "torn loyalty"),
    "ind_leadership.function": Text("coördineren als taak", "coordinating as a task"),
    "ind_leadership.independent": Text("onafhankelijke voorzitter", "independent chair"),
    "ind_leadership.neutral": Text("voorzitter die geen partij kiest", "chair who takes no side"),
    "ind_governance.strategic_decisions": Text("duidelijke strategische besluitvorming", "clear strategic decision-making"),
    "ind_governance.participation": Text("stem van alle partners in het bestuur", "say of all partners in governance"),
    "ind_governance.secretariat": Text("duidelijke rol van het secretariaat", "clear role of the secretariat"),
    "ind_governance.accountability": Text("verantwoording aan alle partners", "accountability to all partners"),
    "ind_conflict.power": Text("conflict over macht", "conflict about power"),
    "ind_conflict.relational": Text("conflict over de relatie", "conflict about the relationship"),
    "ind_network.trust_deficit": Text("vertrouwen in één partner (netwerk)", "trust in one partner (network)"),
    "ind_network.camps": Text("kampen in het vertrouwen (netwerk)", "camps in trust (network)"),
    "ind_network.influence_lead": Text("voorsprong in invloed (netwerk)", "lead in influence (network)"),
    "ind_network.dependency_asymmetry": Text("eenzijdige afhankelijkheid (netwerk)", "one-sided dependency (network)"),
    # advice pointing two ways
    "c_from_quadrant": Text("vertrouwen en formele afstemming", "trust and formal alignment"),
    "c_from_governance": Text("de onzekerheid in relatie en werkveld", "uncertainty in relationship and field"),
    "conflict_more_trust": Text(
        "Uit {source} volgt: investeer in vertrouwen. Maar respondenten willen juist meer controle ({desired} van 100; "
        "n = {n}). Bespreek welke zekerheid men mist.",
        "From {source} follows: invest in trust. But respondents want more control ({desired} out of 100; n = {n}). "
        "Discuss what certainty is missing."),
    "conflict_more_control": Text(
        "Uit {source} volgt: leg meer vast. Maar respondenten willen juist meer vertrouwen ({desired} van 100, "
        "0 = vertrouwen; n = {n}). Bespreek welke afspraken echt nodig zijn.",
        "From {source} follows: agree more. But respondents want more trust ({desired} out of 100, 0 = trust; "
        "n = {n}). Discuss which agreements are really needed."),
    "paradox_chart": Text("Paradoxen: nu en gewenst", "Paradoxes: now and desired"),
    # the network picture
    "pic_title": Text("{dimension} tussen de partners", "{dimension} between the partners"),
    "pic_subtitle": Text("Pijl A → B: hoe de mensen van A over B oordelen (0-100); dikkere lijn = hoger.",
                         "Arrow A → B: how A's people rate B (0-100); thicker line = higher."),
    "pic_group": Text("Groep {n}", "Group {n}"),
    "pic_one_group": Text("Eén groep", "One group"),
    "pic_size": Text("Grootte: machtsindex (klein 0, groot 100)", "Size: power index (small 0, large 100)"),
    "pic_hidden": Text("Stippelrand: te weinig respondenten, eigen oordelen niet getoond",
                       "Dotted outline: too few respondents, own ratings not shown"),
    "pic_no_ties": Text("Geen beoordelingen voor deze dimensie.", "No ratings for this dimension."),
    # samenspel network (text)
    "netsum_title": Text("Netwerk van de partners: {alliance}, ronde {round}", "Partner network: {alliance}, round {round}"),
    "netsum_ties": Text("{dimension}: {ties} van de {possible} mogelijke relaties beoordeeld (dichtheid {density}), gemiddeld {mean} op 0-100.",
                        "{dimension}: {ties} of the {possible} possible relations rated (density {density}), mean {mean} on 0-100."),
    "netsum_recip": Text("Wederkerigheid {recip} (gewogen {wrecip}); centralisatie {central}.",
                         "Reciprocity {recip} (weighted {wrecip}); centralisation {central}."),
    "netsum_head": Text("Per partner ({dimension}: ontvangen / gegeven; macht 0-100; tussenpositie 0-1)",
                        "Per partner ({dimension}: received / given; power 0-100; betweenness 0-1)"),
    "netsum_cols": Text("ontvangen gegeven macht tussenpositie", "received given power betweenness"),
    "netsum_hidden": Text("* minder dan {n} respondenten: eigen oordelen niet getoond.",
                          "* fewer than {n} respondents: own ratings not shown."),
    # the text and markdown outputs
    "differ": Text("partners verschillen", "partners differ"),
    "score": Text("score", "score"),
    "todo": Text("Wat te doen in deze fase", "What to do in this phase"),
    "trend_since": Text("Ontwikkeling sinds ronde {r}", "Change since round {r}"),
    "title": Text("Samenspel-diagnose: {alliance}", "Samenspel diagnosis: {alliance}"),
    "intro": Text("Meetronde {round}. {quality}", "Measurement round {round}. {quality}"),
    "context_line": Text("{phase}. Vertrouwen en formele afstemming: {quadrant}.",
                         "{phase}. Trust and formal alignment: {quadrant}."),
    "details": Text("Details", "Details"),
    "min_group_line": Text("Gemaakt met minimale groepsgrootte {min}.", "Made with minimum group size {min}."),
    "evidence_of": Text("Onderbouwing", "Evidence"),
    "weak_list": Text("Zwakke signalen om in de gaten te houden: {p}.", "Weak signals to keep an eye on: {p}."),
    "score_n": Text("n", "n"),
    "margin": Text("±", "±"),
    "questions": Text("Vragen om elkaar te stellen", "Questions to ask each other"),
    "reversed": Text("(omgekeerd)", "(reversed)"),
    "reversed_note": Text("Bij een vraag met (omgekeerd) is de stelling negatief: een hoge score betekent dat men het er niet mee eens is.",
                          "For a question marked (reversed) the statement is negative: a high score means people disagree with it."),
    "items_note": Text("Gemiddelde per partner op 0-100; alleen partners waarvan minstens {min} mensen de vraag beantwoordden.",
                       "Mean per partner on 0-100; only partners of whom at least {min} people answered the question."),
    "motive_overlap": Text("Overlap van motieven tussen partners: {o} (0 = geen, 1 = gelijk).",
                           "Overlap of motives between partners: {o} (0 = none, 1 = identical)."),
    "failure_recognised": Text("Herkende faalfactoren (door minstens {min}%)", "Failure factors recognised (by at least {min}%)"),
    "success_in_place": Text("Succesvoorwaarden die het meest aanwezig zijn", "Success conditions most in place"),
    "success_missing": Text("Succesvoorwaarden die het minst aanwezig zijn", "Success conditions least in place"),
    "motives": Text("Motieven en factoren", "Motives and factors"),
    "trend_meaningful": Text("betekenisvol", "meaningful"),
    "trend_not_meaningful": Text("niet betekenisvol", "not meaningful"),
    "trend_rule": Text("Een verandering heet betekenisvol als zij de toets doorstaat ({level}) én minstens {min} punten is.",
                       "A change is called meaningful when it passes the test ({level}) and is at least {min} points."),
    "test_paired": Text("gepaard", "paired"),
    "test_independent": Text("onafhankelijk", "independent samples"),
    "test": Text("toets", "test"),
}


def t(key: str, lang: str, **kw: object) -> str:
    """The fixed text ``key`` in ``lang``, with ``kw`` filled in."""
    text = L[key].get(lang)
    return text.format(**kw) if kw else text
