"""Regenerate termbase/countries.yaml and termbase/sdg.yaml from the shared reference data.

Run from the repository root (re-runnable; it overwrites both files):

    python3 termbase/tools/generate_reference.py [--shared ../shared] [--date 2026-11-22]

Sources, both in ../shared/corpora:
  * country-codes/country-codes.csv (ODC-PDDL): UNTERM English and Chinese short and formal
    names of Member States, observer States and the two States UNTERM lists as non-members
    (Cook Islands, Niue);
  * sdg/{en,zh-Hans}.global_goals.yml (MIT): the 17 Sustainable Development Goals.

The generated YAML is what is committed and curated; the small tables below (CURATED_*) record
the curation this script applies on top of the shared data, so that a rerun keeps it.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml
from yamlout import dump_subject

COUNTRY_SOURCE = "UNTERM via country-codes (ODC-PDDL)"
SDG_SOURCE = "UN SDG goals via sdg corpus (MIT); A/RES/70/1"

#: Member States the CSV carries without UNTERM columns (renamed after the data was taken):
#: names from UNTERM, https://unterm.un.org (country names list).
MISSING_UNTERM: dict[str, tuple[str, str, str, str]] = {
    # iso3: (en short, en formal, zh short, zh formal)
    "CIV": ("Côte d'Ivoire", "the Republic of Côte d'Ivoire", "科特迪瓦", "科特迪瓦共和国"),
    "TUR": ("Türkiye", "the Republic of Türkiye", "土耳其", "土耳其共和国"),
}

#: Extra terms UN texts use for a country: (lang, term, status, type, why).
CURATED_TERMS: dict[str, list[tuple[str, str, str, str]]] = {
    "GBR": [("en", "United Kingdom", "admitted", "shortForm"), ("zh", "联合王国", "admitted", "shortForm"),
            ("zh", "英国", "admitted", "shortForm"), ("en", "UK", "deprecated", "abbreviation")],
    "USA": [("en", "United States", "admitted", "shortForm"), ("zh", "美国", "admitted", "shortForm"),
            ("en", "US", "deprecated", "abbreviation"), ("en", "U.S.", "deprecated", "abbreviation"),
            ("en", "USA", "deprecated", "abbreviation")],
    "MKD": [("en", "the former Yugoslav Republic of Macedonia", "superseded", "fullForm"),
            ("zh", "前南斯拉夫的马其顿共和国", "superseded", "fullForm")],
    "SWZ": [("en", "Swaziland", "superseded", "shortForm")],
    "TUR": [("en", "Turkey", "superseded", "shortForm")],
    "CPV": [("en", "Cape Verde", "superseded", "shortForm")],
    "TLS": [("en", "East Timor", "superseded", "shortForm")],
    "MMR": [("en", "Burma", "superseded", "shortForm")],
    "CIV": [("en", "Ivory Coast", "deprecated", "variant")],
}

#: The date each superseded name was replaced (UN practice: the date the UN took the new name
#: into use), written as the term's ``replaced``: a term check reports it, and does not call a
#: unit written before that date wrong.
REPLACED: dict[tuple[str, str], str] = {
    ("MKD", "the former Yugoslav Republic of Macedonia"): "2019-02",
    ("MKD", "前南斯拉夫的马其顿共和国"): "2019-02",
    ("SWZ", "Swaziland"): "2018-04",
    ("TUR", "Turkey"): "2022-06-01",
    ("CPV", "Cape Verde"): "2013-10",
    ("TLS", "East Timor"): "2002-05",
    ("MMR", "Burma"): "1989-06",
}

#: The adjective UN English uses for a State in attributive use ("the Chinese delegation",
#: "French troops"), an admitted variant of the name. States whose adjective is shared
#: (Congolese, Dominican, Korean, Guinean, Sudanese) or not in UN use are left out: a term
#: check must not accept one State's adjective for another.
ADJECTIVES: dict[str, str] = {
    code: name.replace("_", " ") for code, name in (pair.split(":") for pair in """
AFG:Afghan ALB:Albanian DZA:Algerian AND:Andorran AGO:Angolan ARG:Argentine ARM:Armenian AUS:Australian
AUT:Austrian AZE:Azerbaijani BHS:Bahamian BHR:Bahraini BGD:Bangladeshi BRB:Barbadian BLR:Belarusian BEL:Belgian
BLZ:Belizean BEN:Beninese BTN:Bhutanese BOL:Bolivian BWA:Botswanan BRA:Brazilian BGR:Bulgarian BFA:Burkinabe
BDI:Burundian CPV:Cabo_Verdean KHM:Cambodian CMR:Cameroonian CAN:Canadian TCD:Chadian CHL:Chilean CHN:Chinese
COL:Colombian COM:Comorian CRI:Costa_Rican HRV:Croatian CUB:Cuban CYP:Cypriot CZE:Czech CIV:Ivorian DNK:Danish
DJI:Djiboutian ECU:Ecuadorian EGY:Egyptian SLV:Salvadoran ERI:Eritrean EST:Estonian ETH:Ethiopian FJI:Fijian
FIN:Finnish FRA:French GAB:Gabonese GMB:Gambian GEO:Georgian DEU:German GHA:Ghanaian GRC:Greek GRD:Grenadian
GTM:Guatemalan GUY:Guyanese HTI:Haitian HND:Honduran HUN:Hungarian ISL:Icelandic IND:Indian IDN:Indonesian
IRN:Iranian IRQ:Iraqi IRL:Irish ISR:Israeli ITA:Italian JAM:Jamaican JPN:Japanese JOR:Jordanian KAZ:Kazakh
KEN:Kenyan KWT:Kuwaiti KGZ:Kyrgyz LAO:Lao LVA:Latvian LBN:Lebanese LBR:Liberian LBY:Libyan
LTU:Lithuanian MDG:Malagasy MWI:Malawian MYS:Malaysian MDV:Maldivian MLI:Malian MLT:Maltese
MRT:Mauritanian MUS:Mauritian MEX:Mexican MCO:Monegasque MNG:Mongolian MNE:Montenegrin MAR:Moroccan
MOZ:Mozambican NAM:Namibian NPL:Nepalese NLD:Dutch NIC:Nicaraguan NER:Nigerien
NGA:Nigerian NOR:Norwegian OMN:Omani PAK:Pakistani PAN:Panamanian PNG:Papua_New_Guinean PRY:Paraguayan
PER:Peruvian PHL:Philippine POL:Polish PRT:Portuguese QAT:Qatari MDA:Moldovan ROU:Romanian RUS:Russian
RWA:Rwandan WSM:Samoan SAU:Saudi SEN:Senegalese SRB:Serbian SYC:Seychellois SLE:Sierra_Leonean
SGP:Singaporean SVK:Slovak SVN:Slovenian SOM:Somali ZAF:South_African ESP:Spanish LKA:Sri_Lankan
PSE:Palestinian SUR:Surinamese SWE:Swedish CHE:Swiss SYR:Syrian TJK:Tajik THA:Thai TGO:Togolese TON:Tongan
TUN:Tunisian TKM:Turkmen TUR:Turkish UGA:Ugandan UKR:Ukrainian ARE:Emirati GBR:British TZA:Tanzanian
USA:American URY:Uruguayan UZB:Uzbek VUT:Vanuatuan VEN:Venezuelan VNM:Vietnamese YEM:Yemeni ZMB:Zambian
ZWE:Zimbabwean CAF:Central_African SSD:South_Sudanese
""".split())}  # "_" stands for a space inside a name

CURATED_NOTES: dict[str, str] = {
    "MKD": "Name changed in February 2019; the earlier UN reference 'the former Yugoslav Republic of "
           "Macedonia' (seed A/62/627) is superseded.",
    "SWZ": "English name changed in April 2018 (Swaziland is superseded); the Chinese name is unchanged.",
    "TUR": "Name changed in June 2022 (Turkey is superseded); the shared CSV has no UNTERM columns for it.",
    "USA": "UN English writes United States (of America), not US, U.S. or USA.",
    "GBR": "UN English writes United Kingdom, not UK.",
    "CIV": "The UN does not translate the name; 'Ivory Coast' is not used. The shared CSV has no UNTERM "
           "columns for it.",
}

#: Goals whose short name is left out because it is a general concept of its own: goal -> (concept id).
SDG_SHORT_OMIT: dict[str, str] = {"5": "gender-equality"}

#: Corrections to the shared SDG Chinese short names: goal -> (corrected, reason).
SDG_ZH_FIXES: dict[str, tuple[str, str]] = {
    "17": ("促进目标实现的伙伴关系", "the sdg corpus has the typo 促进目标现实的伙伴关系"),
}


def _clean(name: str) -> str:
    """Drop UNTERM's listing markers: trailing '*'/'**' and whitespace."""
    return re.sub(r"\s*\*+\s*$", "", name).strip()


def _running_text(name: str) -> str:
    """UNTERM lists 'Bahamas (the)' and 'the Commonwealth of the Bahamas'; terms drop the article."""
    name = re.sub(r"\s*\(the\)$", "", name)
    return name[4:] if name.startswith("the ") else name


def _term(term: str, status: str, ttype: str, pos: str = "properNoun") -> dict[str, str]:
    return {"term": term, "status": status, "type": ttype, "pos": pos}


def country_concepts(csv_path: Path, today: dt.date) -> list[dict[str, Any]]:
    """One concept per State in UNTERM's country list, in English short-name order."""
    concepts = []
    with csv_path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        iso3 = row["ISO3166-1-Alpha-3"].strip()
        if iso3 in MISSING_UNTERM:
            en_s, en_f, zh_s, zh_f = MISSING_UNTERM[iso3]
            marker = ""
        elif row["UNTERM English Short"].strip():
            en_s, en_f = row["UNTERM English Short"], row["UNTERM English Formal"]
            zh_s, zh_f = row["UNTERM Chinese Short"], row["UNTERM Chinese Formal"]
            marker = re.search(r"(\*+)\s*$", en_s).group(1) if "*" in en_s else ""
        else:
            continue
        listing = f"UNTERM: {_clean(en_s)}; {_clean(en_f)}"
        en_s, en_f = _running_text(_clean(en_s)), _running_text(_clean(en_f))
        zh_s, zh_f = _clean(zh_s), _clean(zh_f)
        zh = [_term(zh_s, "preferred", "shortForm")]
        if zh_f != zh_s:
            zh.append(_term(zh_f, "admitted", "fullForm"))
        en = [_term(en_s, "preferred", "shortForm")]
        if en_f != en_s:
            en.append(_term(en_f, "admitted", "fullForm"))
        for lang, term, status, ttype in CURATED_TERMS.get(iso3, []):
            (zh if lang == "zh" else en).append(_term(term, status, ttype))
        if iso3 in ADJECTIVES:
            en.append(_term(ADJECTIVES[iso3], "admitted", "variant", "adjective"))
        for term in zh + en:
            if (iso3, term["term"]) in REPLACED:
                term["replaced"] = REPLACED[(iso3, term["term"])]
        notes = []
        if marker == "*":
            notes.append("Non-member observer State.")
        elif marker == "**":
            notes.append("Not a Member State; UNTERM lists it among States (associated with New Zealand).")
        else:
            notes.append("Member State.")
        if iso3 in CURATED_NOTES:
            notes.append(CURATED_NOTES[iso3])
        notes.append(listing + ".")
        concepts.append({
            "id": f"country-{iso3.lower()}",
            "note": " ".join(notes),
            "source": COUNTRY_SOURCE,
            "modified": today,
            "zh": zh,
            "en": en,
        })
    concepts.sort(key=lambda c: c["en"][0]["term"])
    return concepts


def _goals(path: Path) -> dict[str, str]:
    with path.open(encoding="utf-8") as handle:
        return {str(k): " ".join(str(v).split()) for k, v in yaml.safe_load(handle).items()}


def sdg_concepts(sdg_dir: Path, today: dt.date) -> list[dict[str, Any]]:
    """The 2030 Agenda, the SDGs as a whole, then one concept per goal (title and short name).

    The shared Chinese titles use ASCII commas; UN Chinese text (and so the text a term is
    looked up in) uses the full-width comma, which the terms get here.
    """
    en = _goals(sdg_dir / "en.global_goals.yml")
    zh = {k: v.replace(",", "，") for k, v in _goals(sdg_dir / "zh-Hans.global_goals.yml").items()}
    concepts: list[dict[str, Any]] = [
        {
            "id": "agenda-2030",
            "definition": "The plan of action adopted by the General Assembly in resolution 70/1 of "
                          "25 September 2015, built around the 17 Sustainable Development Goals.",
            "source": "A/RES/70/1",
            "modified": today,
            "zh": [_term("2030年可持续发展议程", "preferred", "fullForm"),
                   _term("2030年议程", "admitted", "shortForm")],
            "en": [_term("2030 Agenda for Sustainable Development", "preferred", "fullForm"),
                   _term("2030 Agenda", "admitted", "shortForm")],
        },
        {
            "id": "sustainable-development-goals",
            "definition": "The 17 goals of the 2030 Agenda for Sustainable Development.",
            "source": SDG_SOURCE,
            "modified": today,
            "zh": [_term("可持续发展目标", "preferred", "fullForm", "noun")],
            "en": [_term("Sustainable Development Goals", "preferred", "fullForm", "noun"),
                   _term("SDGs", "admitted", "acronym", "noun")],
        },
    ]
    for goal in range(1, 18):
        key = str(goal)
        zh_short, note = zh[f"{key}-short"], None
        if key in SDG_ZH_FIXES:
            zh_short, why = SDG_ZH_FIXES[key]
            note = f"Chinese short name corrected: {why}."
        zh_terms = [_term(zh[f"{key}-title"], "preferred", "phrase", "other"),
                    _term(zh_short, "admitted", "shortForm", "other"),
                    _term(f"可持续发展目标{goal}", "admitted", "shortForm", "properNoun")]
        en_terms = [_term(en[f"{key}-title"], "preferred", "phrase", "other"),
                    _term(en[f"{key}-short"], "admitted", "shortForm", "other"),
                    _term(f"Sustainable Development Goal {goal}", "admitted", "shortForm", "properNoun")]
        if key in SDG_SHORT_OMIT:
            del zh_terms[1], en_terms[1]
            note = (f"The short name ({en[f'{key}-short']} / {zh_short}) is the general concept "
                    f"{SDG_SHORT_OMIT[key]}, so it is not repeated here.")
        concept = {
            "id": f"sdg-{goal:02d}",
            "definition": f"Sustainable Development Goal {goal} of the 2030 Agenda for Sustainable Development.",
            "note": note,
            "source": SDG_SOURCE,
            "modified": today,
            "zh": zh_terms,
            "en": en_terms,
        }
        concepts.append(concept)
    return concepts


def main() -> None:
    here = Path(__file__).resolve().parent
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=here.parents[2] / "shared")
    parser.add_argument("--date", type=dt.date.fromisoformat, default=dt.date.today())
    args = parser.parse_args()
    termbase = here.parent
    corpora = args.shared / "corpora"
    countries = country_concepts(corpora / "country-codes" / "country-codes.csv", args.date)
    (termbase / "countries.yaml").write_text(dump_subject("countries", countries), encoding="utf-8")
    sdgs = sdg_concepts(corpora / "sdg", args.date)
    (termbase / "sdg.yaml").write_text(dump_subject("sdg", sdgs), encoding="utf-8")
    print(f"countries.yaml: {len(countries)} concepts; sdg.yaml: {len(sdgs)} concepts")


if __name__ == "__main__":
    main()
