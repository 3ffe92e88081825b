"""Generate ``newslab/resources/countries.yml`` from pycountry plus newslab's own table.

pycountry (ISO 3166-1, kept by the Debian iso-codes project) gives every country's ISO codes and
its short, official and common names. It does not give capitals or the adjectives and demonyms
that news writing uses ("Turkish", "the Turks"), so those come from the hand-kept table below
(``ISO3;common English name;capital(s);adjectives and demonyms;extra aliases``; lists are
comma-separated; the first adjective is the main one). Countries of ISO 3166-1 that are not in
the table (mostly overseas territories) are written with their pycountry names only.

Run from the project root after editing the table::

    .venv/bin/python scripts/make_countries.py

The output is deterministic (sorted), so a re-run without changes gives an identical file.
"""
from __future__ import annotations

import unicodedata
from pathlib import Path

import pycountry
import yaml

OUT = Path(__file__).resolve().parents[1] / "newslab" / "resources" / "countries.yml"

# ISO3;name;capital;adjectives/demonyms;extra aliases
TABLE = """
AFG;Afghanistan;Kabul;Afghan,Afghans;
ALB;Albania;Tirana;Albanian,Albanians;
DZA;Algeria;Algiers;Algerian,Algerians;
AND;Andorra;Andorra la Vella;Andorran,Andorrans;
AGO;Angola;Luanda;Angolan,Angolans;
ATG;Antigua and Barbuda;St. John's;Antiguan,Antiguans;
ARG;Argentina;Buenos Aires;Argentine,Argentinian,Argentines,Argentinians;
ARM;Armenia;Yerevan;Armenian,Armenians;
AUS;Australia;Canberra;Australian,Australians;
AUT;Austria;Vienna;Austrian,Austrians;
AZE;Azerbaijan;Baku;Azerbaijani,Azeri,Azerbaijanis,Azeris;
BHS;Bahamas;Nassau;Bahamian,Bahamians;The Bahamas
BHR;Bahrain;Manama;Bahraini,Bahrainis;
BGD;Bangladesh;Dhaka;Bangladeshi,Bangladeshis;
BRB;Barbados;Bridgetown;Barbadian,Barbadians;
BLR;Belarus;Minsk;Belarusian,Belarusians,Belarussian;Byelorussia
BEL;Belgium;Brussels;Belgian,Belgians;
BLZ;Belize;Belmopan;Belizean,Belizeans;
BEN;Benin;Porto-Novo;Beninese;
BTN;Bhutan;Thimphu;Bhutanese;
BOL;Bolivia;La Paz,Sucre;Bolivian,Bolivians;
BIH;Bosnia and Herzegovina;Sarajevo;Bosnian,Bosnians;Bosnia,Bosnia-Herzegovina
BWA;Botswana;Gaborone;Botswanan,Batswana;
BRA;Brazil;Brasilia;Brazilian,Brazilians;Brasil
BRN;Brunei;Bandar Seri Begawan;Bruneian,Bruneians;
BGR;Bulgaria;Sofia;Bulgarian,Bulgarians;
BFA;Burkina Faso;Ouagadougou;Burkinabe;
BDI;Burundi;Gitega;Burundian,Burundians;
CPV;Cape Verde;Praia;Cape Verdean,Cape Verdeans;Cabo Verde
KHM;Cambodia;Phnom Penh;Cambodian,Cambodians;
CMR;Cameroon;Yaounde;Cameroonian,Cameroonians;
CAN;Canada;Ottawa;Canadian,Canadians;
CAF;Central African Republic;Bangui;Central African,Central Africans;CAR
TCD;Chad;N'Djamena;Chadian,Chadians;
CHL;Chile;Santiago;Chilean,Chileans;
CHN;China;Beijing;Chinese;People's Republic of China,PRC,Peking
COL;Colombia;Bogota;Colombian,Colombians;
COM;Comoros;Moroni;Comoran,Comorian;
COG;Republic of the Congo;Brazzaville;Congolese;Congo-Brazzaville
COD;Democratic Republic of the Congo;Kinshasa;Congolese;DR Congo,DRC,Congo-Kinshasa,Zaire
CRI;Costa Rica;San Jose;Costa Rican,Costa Ricans;
CIV;Ivory Coast;Yamoussoukro,Abidjan;Ivorian,Ivorians;Cote d'Ivoire
HRV;Croatia;Zagreb;Croatian,Croat,Croatians,Croats;
CUB;Cuba;Havana;Cuban,Cubans;
CYP;Cyprus;Nicosia;Cypriot,Cypriots;
CZE;Czech Republic;Prague;Czech,Czechs;Czechia
DNK;Denmark;Copenhagen;Danish,Dane,Danes;
DJI;Djibouti;Djibouti;Djiboutian;
DMA;Dominica;Roseau;Dominican;
DOM;Dominican Republic;Santo Domingo;Dominican,Dominicans;
ECU;Ecuador;Quito;Ecuadorean,Ecuadorian,Ecuadoreans;
EGY;Egypt;Cairo;Egyptian,Egyptians;
SLV;El Salvador;San Salvador;Salvadoran,Salvadorans;
GNQ;Equatorial Guinea;Malabo;Equatoguinean;
ERI;Eritrea;Asmara;Eritrean,Eritreans;
EST;Estonia;Tallinn;Estonian,Estonians;
SWZ;Eswatini;Mbabane;Swazi,Swazis;Swaziland
ETH;Ethiopia;Addis Ababa;Ethiopian,Ethiopians;
FJI;Fiji;Suva;Fijian,Fijians;
FIN;Finland;Helsinki;Finnish,Finn,Finns;
FRA;France;Paris;French,Frenchman,Frenchmen;
GAB;Gabon;Libreville;Gabonese;
GMB;Gambia;Banjul;Gambian,Gambians;The Gambia
GEO;Georgia;Tbilisi;Georgian,Georgians;
DEU;Germany;Berlin;German,Germans;
GHA;Ghana;Accra;Ghanaian,Ghanaians;
GRC;Greece;Athens;Greek,Greeks;Hellenic Republic
GRD;Grenada;St. George's;Grenadian,Grenadians;
GTM;Guatemala;Guatemala City;Guatemalan,Guatemalans;
GIN;Guinea;Conakry;Guinean,Guineans;
GNB;Guinea-Bissau;Bissau;Bissau-Guinean;
GUY;Guyana;Georgetown;Guyanese;
HTI;Haiti;Port-au-Prince;Haitian,Haitians;
HND;Honduras;Tegucigalpa;Honduran,Hondurans;
HUN;Hungary;Budapest;Hungarian,Hungarians;
ISL;Iceland;Reykjavik;Icelandic,Icelander,Icelanders;
IND;India;New Delhi;Indian,Indians;
IDN;Indonesia;Jakarta;Indonesian,Indonesians;
IRN;Iran;Tehran;Iranian,Iranians;Islamic Republic of Iran,Persia
IRQ;Iraq;Baghdad;Iraqi,Iraqis;
IRL;Ireland;Dublin;Irish,Irishman;Republic of Ireland,Eire
ISR;Israel;Jerusalem;Israeli,Israelis;
ITA;Italy;Rome;Italian,Italians;
JAM;Jamaica;Kingston;Jamaican,Jamaicans;
JPN;Japan;Tokyo;Japanese;
JOR;Jordan;Amman;Jordanian,Jordanians;
KAZ;Kazakhstan;Astana;Kazakh,Kazakhs,Kazakhstani;
KEN;Kenya;Nairobi;Kenyan,Kenyans;
KIR;Kiribati;Tarawa;I-Kiribati;
PRK;North Korea;Pyongyang;North Korean,North Koreans;DPRK,Democratic People's Republic of Korea
KOR;South Korea;Seoul;South Korean,South Koreans;Republic of Korea
KWT;Kuwait;Kuwait City;Kuwaiti,Kuwaitis;
KGZ;Kyrgyzstan;Bishkek;Kyrgyz;Kirghizia
LAO;Laos;Vientiane;Lao,Laotian,Laotians;
LVA;Latvia;Riga;Latvian,Latvians;
LBN;Lebanon;Beirut;Lebanese;
LSO;Lesotho;Maseru;Basotho;
LBR;Liberia;Monrovia;Liberian,Liberians;
LBY;Libya;Tripoli;Libyan,Libyans;
LIE;Liechtenstein;Vaduz;Liechtensteiner;
LTU;Lithuania;Vilnius;Lithuanian,Lithuanians;
LUX;Luxembourg;Luxembourg;Luxembourgish,Luxembourger;
MDG;Madagascar;Antananarivo;Malagasy;
MWI;Malawi;Lilongwe;Malawian,Malawians;
MYS;Malaysia;Kuala Lumpur;Malaysian,Malaysians;
MDV;Maldives;Male;Maldivian,Maldivians;
MLI;Mali;Bamako;Malian,Malians;
MLT;Malta;Valletta;Maltese;
MHL;Marshall Islands;Majuro;Marshallese;
MRT;Mauritania;Nouakchott;Mauritanian,Mauritanians;
MUS;Mauritius;Port Louis;Mauritian,Mauritians;
MEX;Mexico;Mexico City;Mexican,Mexicans;
FSM;Micronesia;Palikir;Micronesian;
MDA;Moldova;Chisinau;Moldovan,Moldovans;
MCO;Monaco;Monaco;Monegasque;
MNG;Mongolia;Ulan Bator,Ulaanbaatar;Mongolian,Mongolians;
MNE;Montenegro;Podgorica;Montenegrin,Montenegrins;
MAR;Morocco;Rabat;Moroccan,Moroccans;
MOZ;Mozambique;Maputo;Mozambican,Mozambicans;
MMR;Myanmar;Naypyidaw;Burmese;Burma
NAM;Namibia;Windhoek;Namibian,Namibians;
NRU;Nauru;Yaren;Nauruan;
NPL;Nepal;Kathmandu;Nepali,Nepalese;
NLD;Netherlands;Amsterdam;Dutch,Dutchman;Holland,The Netherlands
NZL;New Zealand;Wellington;New Zealander,New Zealanders;
NIC;Nicaragua;Managua;Nicaraguan,Nicaraguans;
NER;Niger;Niamey;Nigerien,Nigeriens;
NGA;Nigeria;Abuja;Nigerian,Nigerians;
MKD;North Macedonia;Skopje;Macedonian,Macedonians;Macedonia
NOR;Norway;Oslo;Norwegian,Norwegians;
OMN;Oman;Muscat;Omani,Omanis;
PAK;Pakistan;Islamabad;Pakistani,Pakistanis;
PLW;Palau;Ngerulmud;Palauan;
PSE;Palestine;Ramallah;Palestinian,Palestinians;Palestinian territories,State of Palestine
PAN;Panama;Panama City;Panamanian,Panamanians;
PNG;Papua New Guinea;Port Moresby;Papua New Guinean;PNG
PRY;Paraguay;Asuncion;Paraguayan,Paraguayans;
PER;Peru;Lima;Peruvian,Peruvians;
PHL;Philippines;Manila;Philippine,Filipino,Filipinos;The Philippines
POL;Poland;Warsaw;Polish,Pole,Poles;
PRT;Portugal;Lisbon;Portuguese;
QAT;Qatar;Doha;Qatari,Qataris;
ROU;Romania;Bucharest;Romanian,Romanians;Rumania
RUS;Russia;Moscow;Russian,Russians;Russian Federation
RWA;Rwanda;Kigali;Rwandan,Rwandans;
KNA;Saint Kitts and Nevis;Basseterre;Kittitian;St Kitts and Nevis
LCA;Saint Lucia;Castries;Saint Lucian;St Lucia
VCT;Saint Vincent and the Grenadines;Kingstown;Vincentian;St Vincent
WSM;Samoa;Apia;Samoan,Samoans;
SMR;San Marino;San Marino;Sammarinese;
STP;Sao Tome and Principe;Sao Tome;Santomean;
SAU;Saudi Arabia;Riyadh;Saudi,Saudis;Kingdom of Saudi Arabia
SEN;Senegal;Dakar;Senegalese;
SRB;Serbia;Belgrade;Serbian,Serb,Serbians,Serbs;
SYC;Seychelles;Victoria;Seychellois;
SLE;Sierra Leone;Freetown;Sierra Leonean,Sierra Leoneans;
SGP;Singapore;Singapore;Singaporean,Singaporeans;
SVK;Slovakia;Bratislava;Slovak,Slovaks;
SVN;Slovenia;Ljubljana;Slovenian,Slovene,Slovenians,Slovenes;
SLB;Solomon Islands;Honiara;Solomon Islander;
SOM;Somalia;Mogadishu;Somali,Somalis;
ZAF;South Africa;Pretoria;South African,South Africans;
SSD;South Sudan;Juba;South Sudanese;
ESP;Spain;Madrid;Spanish,Spaniard,Spaniards;
LKA;Sri Lanka;Colombo;Sri Lankan,Sri Lankans;
SDN;Sudan;Khartoum;Sudanese;
SUR;Suriname;Paramaribo;Surinamese;Surinam
SWE;Sweden;Stockholm;Swedish,Swede,Swedes;
CHE;Switzerland;Bern;Swiss;
SYR;Syria;Damascus;Syrian,Syrians;Syrian Arab Republic
TWN;Taiwan;Taipei;Taiwanese;Republic of China
TJK;Tajikistan;Dushanbe;Tajik,Tajiks;
TZA;Tanzania;Dodoma;Tanzanian,Tanzanians;
THA;Thailand;Bangkok;Thai,Thais;
TLS;East Timor;Dili;Timorese;Timor-Leste
TGO;Togo;Lome;Togolese;
TON;Tonga;Nuku'alofa;Tongan,Tongans;
TTO;Trinidad and Tobago;Port of Spain;Trinidadian,Trinidadians;Trinidad
TUN;Tunisia;Tunis;Tunisian,Tunisians;
TUR;Turkey;Ankara;Turkish,Turk,Turks;Turkiye,Republic of Turkey
TKM;Turkmenistan;Ashgabat;Turkmen;
TUV;Tuvalu;Funafuti;Tuvaluan;
UGA;Uganda;Kampala;Ugandan,Ugandans;
UKR;Ukraine;Kiev,Kyiv;Ukrainian,Ukrainians;The Ukraine
ARE;United Arab Emirates;Abu Dhabi;Emirati,Emiratis;UAE,Emirates
GBR;United Kingdom;London;British,Briton,Britons;Britain,Great Britain,UK,U.K.
USA;United States;Washington;American,Americans,U.S.;US,U.S.,USA,U.S.A.,America,United States of America
URY;Uruguay;Montevideo;Uruguayan,Uruguayans;
UZB;Uzbekistan;Tashkent;Uzbek,Uzbeks;
VUT;Vanuatu;Port Vila;Ni-Vanuatu;
VAT;Vatican;Vatican City;Vatican;Holy See
VEN;Venezuela;Caracas;Venezuelan,Venezuelans;
VNM;Vietnam;Hanoi;Vietnamese;Viet Nam
YEM;Yemen;Sanaa;Yemeni,Yemenis;
ZMB;Zambia;Lusaka;Zambian,Zambians;
ZWE;Zimbabwe;Harare;Zimbabwean,Zimbabweans;
XKX;Kosovo;Pristina;Kosovar,Kosovars,Kosovan;
"""

# Historical states that news still names (background in Russia-Turkey stories). No capitals:
# "Moscow" is today's Russia, never the Soviet Union.
HISTORICAL = """
SUN;Soviet Union;;Soviet,Soviets;USSR,U.S.S.R.
OTT;Ottoman Empire;;Ottoman,Ottomans;
"""


def _ascii(text: str) -> str:
    """'Türkiye' -> 'Turkiye' so both spellings match."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def _split(cell: str) -> list[str]:
    return [x.strip() for x in cell.split(",") if x.strip()]


def _iso_names(country) -> list[str]:
    names = []
    for attr in ("name", "common_name", "official_name"):
        value = getattr(country, attr, None)
        if value and "," not in value and "(" not in value:  # skip 'Korea, Republic of'
            names.append(value)
    return names


def build() -> list[dict]:
    rows: dict[str, dict] = {}
    for line in (TABLE + HISTORICAL).strip().splitlines():
        if not line.strip():
            continue
        iso3, name, capital, adjectives, extra = (line.split(";") + [""] * 5)[:5]
        iso = pycountry.countries.get(alpha_3=iso3)
        aliases = _split(extra) + (_iso_names(iso) if iso else [])
        rows[iso3] = {
            "name": name, "iso3": iso3, "un_member": iso3 not in {"PSE", "VAT", "TWN", "XKX", "SUN", "OTT"},
            "historical": iso3 in {"SUN", "OTT"},
            "capitals": _split(capital), "adjectives": _split(adjectives), "aliases": aliases,
        }
    for iso in pycountry.countries:  # territories not in the table: names only
        if iso.alpha_3 not in rows:
            name = getattr(iso, "common_name", None) or iso.name
            rows[iso.alpha_3] = {"name": name, "iso3": iso.alpha_3, "un_member": False, "historical": False,
                                 "capitals": [], "adjectives": [], "aliases": _iso_names(iso)}
    out = []
    for row in rows.values():
        seen = {row["name"].lower()}
        aliases = []
        for a in row["aliases"] + [_ascii(a) for a in row["aliases"]] + [_ascii(row["name"])]:
            if a and a.lower() not in seen:
                seen.add(a.lower())
                aliases.append(a)
        row["aliases"] = aliases
        row["capitals"] = list(dict.fromkeys(row["capitals"] + [_ascii(c) for c in row["capitals"]]))
        out.append(row)
    return sorted(out, key=lambda r: r["name"])


HEADER = """\
# newslab country gazetteer — GENERATED by scripts/make_countries.py; do not edit by hand.
# Sources: ISO 3166-1 names and codes from pycountry (LGPL-2.1), which ships Debian's iso-codes
# data (LGPL-2.1-or-later; those names and codes stay under that licence, see NOTICE); capitals,
# adjectives/demonyms and everyday aliases from the table in scripts/make_countries.py (MIT).
# Edit that table and re-run the script. To add or override entries for one project, pass your
# own YAML to load_actors(extra=...).
#
# Fields: name (canonical actor name), iso3, un_member, historical, capitals (cities that stand
# for the state as metonyms: "Ankara said" -> Turkey), adjectives (adjectives and demonyms:
# "Turkish", "Turks" -> Turkey), aliases (other names of the state).
"""


def main() -> None:
    rows = build()
    text = HEADER + yaml.safe_dump({"countries": rows}, allow_unicode=True, sort_keys=False, width=120)
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({len(rows)} countries)")


if __name__ == "__main__":
    main()
